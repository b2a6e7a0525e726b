// globalSetup/teardown run outside Jest's module mapper: resolve @fuyi/* through tsconfig paths.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, ensureAppRole, ensureDatabase, runMigrations } from '@fuyi/platform';
import { SCHEMA } from '../../db/schema';
import { seedDemoDistrict } from '../../db/seed/seed';
import { appUrlFor, ownerUrlFor } from './test-db-urls';
import { prepareContractReport } from './contract';
import { fixturePasswordHash } from './fixture-password';

/**
 * Migrates one template database per test run, and a second one cloned from it with the demo district seeded; each
 * test file clones one of them (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-running the
 * migrations and the seed. Jest runs this once per project; the second call reuses the first's templates.
 */
export default async function globalSetup(): Promise<void> {
  prepareContractReport();
  if (process.env.FUYI_TEST_TEMPLATE) return;
  const name = `fuyi_test_tpl_${randomBytes(4).toString('hex')}`;
  const url = ownerUrlFor(name);
  await dropDatabase(url);
  await ensureDatabase(url);
  await ensureAppRole(url);
  await runMigrations(url, SCHEMA);
  process.env.FUYI_TEST_TEMPLATE = name;

  const seeded = `${name}_seeded`;
  await ensureDatabase(ownerUrlFor(seeded), name);
  // Seeded as the application role, like the api (and like createTestDatabase did per file before).
  const ds = await new DataSource(dataSourceOptions(appUrlFor(seeded), SCHEMA, { extra: { max: 1 } } as never)).initialize();
  try {
    await seedDemoDistrict(ds);
    await ds.query(`UPDATE users SET password_hash = $1`, [await fixturePasswordHash()]);
  } finally {
    await ds.destroy();
  }
  process.env.FUYI_TEST_TEMPLATE_SEEDED = seeded;
}
