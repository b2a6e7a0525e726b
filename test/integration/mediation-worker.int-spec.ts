import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { JobName } from '@fuyi/platform';
import { JobHandlers } from '../../apps/worker/src/job-handlers';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { cleanRedisPrefix } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The worker boots with the mediation module and has the time-limit scan handler (one handler per job name). */
describe('worker: mediation time-limit scan', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(db.config), { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await cleanRedisPrefix(db.config.redisUrl, db.config.queuePrefix);
    await db.drop();
  });

  it('runs the scan job: nothing near its limit is "skipped"', async () => {
    expect(await app.get(JobHandlers).handlers[JobName.MediationDueScan]({})).toBe('skipped');
  });
});
