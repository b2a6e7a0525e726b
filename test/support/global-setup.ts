// globalSetup/teardown run outside Jest's module mapper: resolve @fuyi/* through tsconfig paths.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureAppRole, ensureDatabase, runMigrations } from '@fuyi/platform';
import { SCHEMA } from '../../db/schema';
import { ownerUrlFor } from './test-db-urls';
import { prepareContractReport } from './contract';

/**
 * Migrates one template database per test run; each test file clones it (CREATE DATABASE … TEMPLATE),
 * which takes milliseconds instead of re-running migrations. Jest runs this once per project; the
 * second call reuses the first's template.
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
}
