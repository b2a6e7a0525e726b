import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DomainError } from '@fuyi/kernel';
import { assertPostgresReachable, assertRedisUsable, dataSourceOptions, ensureAppRole, ensureDatabase, loadConfig, maintenanceUrl, runMigrations } from '@fuyi/platform';
import { SCHEMA } from '../db/schema';
import { DEMO_PASSWORD, demoUsersTable, seedDemoDistrict } from '../db/seed/seed';

/** `npm run setup`: create the database if missing, migrate, seed the demo district. Safe to repeat. */
async function main(): Promise<void> {
  const config = loadConfig();
  await assertPostgresReachable(maintenanceUrl(config.ownerDatabaseUrl));
  await assertRedisUsable(config.redisUrl);
  if (await ensureDatabase(config.ownerDatabaseUrl)) console.log('已创建数据库');
  await ensureAppRole(config.ownerDatabaseUrl, process.env.APP_DB_PASSWORD);
  const applied = await runMigrations(config.ownerDatabaseUrl, SCHEMA);
  console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库结构已是最新');
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, SCHEMA));
  await ds.initialize();
  try {
    if (process.env.SEED_DEMO !== 'false') {
      const { usersCreated } = await seedDemoDistrict(ds);
      console.log(`演示数据已就绪（新建用户 ${usersCreated} 个）。演示账号（密码均为 ${DEMO_PASSWORD}）：\n${demoUsersTable()}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof DomainError ? `启动准备失败：${e.message}` : `启动准备失败：${(e as Error).message}`);
  process.exit(1);
});
