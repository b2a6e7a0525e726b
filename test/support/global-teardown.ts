// globalSetup/teardown run outside Jest's module mapper: resolve @fuyi/* through tsconfig paths.
import 'tsconfig-paths/register';
import { dropDatabase } from '@fuyi/platform';
import { ownerUrlFor } from './test-db-urls';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.FUYI_TEST_TEMPLATE;
  if (name && !process.env.FUYI_TEST_TEMPLATE_DROPPED) {
    process.env.FUYI_TEST_TEMPLATE_DROPPED = '1';
    await dropDatabase(ownerUrlFor(name));
  }
}
