import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@fuyi/platform';
import { createApp } from '../../../apps/api/src/create-app';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { cleanRedisPrefix } from '../../support/test-app';
import { startWorker, type WorkerProcess } from '../../support/worker-process';

export interface ConsoleServer {
  /** http://127.0.0.1:<port>: the console at /, the API at /api, one origin. */
  url: string;
  db: TestDatabase;
  config: AppConfig;
  app: NestFastifyApplication;
  worker: WorkerProcess;
  close(): Promise<void>;
}

/**
 * The real thing on a fresh database: the api listening on a free port and serving the web console built by the
 * global set-up, and a worker process (outbox relay, reminders) on the same database and Redis prefix.
 */
export async function startConsole(opts: { accessTokenTtlSeconds?: number } = {}): Promise<ConsoleServer> {
  const webRoot = process.env.FUYI_WEB_BUILD;
  if (!webRoot) throw new Error('FUYI_WEB_BUILD is not set: run through jest --selectProjects browser (global set-up)');
  const db = await createTestDatabase();
  // A shorter access-token life than the configuration allows (60 s at least) lets a test see the silent refresh.
  const config: AppConfig = { ...db.config, ...(opts.accessTokenTtlSeconds ? { accessTokenTtlSeconds: opts.accessTokenTtlSeconds } : {}) };
  const app = await createApp(config, { webRoot, rateLimitPerMinute: 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the api is not listening on a TCP port');
  const worker = await startWorker(config, { name: 'browser-tests worker' });
  return {
    url: `http://127.0.0.1:${address.port}`,
    db, config, app, worker,
    async close() {
      await worker.kill('SIGTERM');
      await app.close();
      await cleanRedisPrefix(config.redisUrl, config.queuePrefix);
      await db.drop();
    },
  };
}
