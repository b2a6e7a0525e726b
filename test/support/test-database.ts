import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, ensureDatabase, loadConfig, type AppConfig } from '@fuyi/platform';
import { SCHEMA } from '../../db/schema';
import { seedDemoDistrict } from '../../db/seed/seed';
import { appUrlFor, ownerUrlFor, TEST_REDIS_URL } from './test-db-urls';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** Connected as the application role, like the api and worker. */
  ds: DataSource;
  /** Connected as the schema owner, for checks the app role may not do. */
  owner: DataSource;
  config: AppConfig;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template, with the demo district seeded (the seeded template) or not. */
export async function createTestDatabase(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestDatabase> {
  const migrated = process.env.FUYI_TEST_TEMPLATE;
  if (!migrated) throw new Error('FUYI_TEST_TEMPLATE is not set: run through jest (globalSetup)');
  const seeded = opts.seed !== false ? process.env.FUYI_TEST_TEMPLATE_SEEDED : undefined;
  const name = `fuyi_test_${randomBytes(5).toString('hex')}`;
  const ownerUrl = ownerUrlFor(name);
  await ensureDatabase(ownerUrl, seeded ?? migrated);
  const appUrl = appUrlFor(name);
  const ds = await new DataSource(dataSourceOptions(appUrl, SCHEMA, { extra: { max: 10 } } as never)).initialize();
  const owner = await new DataSource(dataSourceOptions(ownerUrl, SCHEMA, { extra: { max: 2 } } as never)).initialize();
  if (opts.seed !== false && !seeded) await seedDemoDistrict(ds);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: appUrl,
    OWNER_DATABASE_URL: ownerUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `fuyi-test-${name}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    FILES_DIR: join(tmpdir(), name, 'files'),
    ...opts.env,
  });
  return {
    name, ownerUrl, appUrl, ds, owner, config,
    async drop() {
      await ds.destroy();
      await owner.destroy();
      await dropDatabase(ownerUrl);
      await rm(join(tmpdir(), name), { recursive: true, force: true });
    },
  };
}
