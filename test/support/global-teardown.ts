// globalSetup/teardown run outside Jest's module mapper: resolve @fuyi/* through tsconfig paths.
import 'tsconfig-paths/register';
import { dropDatabase } from '@fuyi/platform';
import { ownerUrlFor } from './test-db-urls';
import { summariseContractReport } from './contract';

export default async function globalTeardown(_global: unknown, project: { displayName?: { name?: string } }): Promise<void> {
  if (project?.displayName?.name === 'e2e') summariseContractReport();
  const name = process.env.FUYI_TEST_TEMPLATE;
  if (name && !process.env.FUYI_TEST_TEMPLATE_DROPPED) {
    process.env.FUYI_TEST_TEMPLATE_DROPPED = '1';
    await dropDatabase(ownerUrlFor(name));
    const seeded = process.env.FUYI_TEST_TEMPLATE_SEEDED;
    if (seeded) await dropDatabase(ownerUrlFor(seeded));
  }
}
