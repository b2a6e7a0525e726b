import 'reflect-metadata';
import { ensureAppRole, ensureDatabase, loadConfig, runMigrations } from '@fuyi/platform';
import { SCHEMA } from '../db/schema';

/** `npm run migration:run`: a deploy step, run as the schema owner. The api and worker never migrate. */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.ownerDatabaseUrl);
  await ensureAppRole(config.ownerDatabaseUrl, process.env.APP_DB_PASSWORD);
  const applied = await runMigrations(config.ownerDatabaseUrl, SCHEMA);
  console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库结构已是最新');
}

main().catch((e) => {
  console.error(`迁移失败：${(e as Error).message}`);
  process.exit(1);
});
