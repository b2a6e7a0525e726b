import 'tsconfig-paths/register';
import { rmSync } from 'node:fs';
import databaseTeardown from '../../support/global-teardown';

export default async function globalTeardown(global: unknown, project: { displayName?: { name?: string } }): Promise<void> {
  const out = process.env.FUYI_WEB_BUILD;
  if (out && out.includes('fuyi-web-build-')) rmSync(out, { recursive: true, force: true });
  await databaseTeardown(global, project);
}
