import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DomainError } from '@fuyi/kernel';
import { assertPostgresReachable, assertRedisUsable, dataSourceOptions, ensureAppRole, ensureDatabase, loadConfig, maintenanceUrl, runMigrations } from '@fuyi/platform';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '../db/schema';
import { SeedModule } from '../db/seed/seed.module';
import { seedDemoCases } from '../db/seed/demo-cases';
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
  // Issue 14 item 13: demo users (with a known password) only when asked for; in production only with SEED_DEMO=true.
  const seed = process.env.SEED_DEMO === 'true' || (process.env.SEED_DEMO === undefined && config.env !== 'production');
  try {
    if (seed) {
      const { usersCreated } = await seedDemoDistrict(ds);
      // The password is printed only when asked for (PRINT_DEMO_PASSWORD=true): logs of a deployment are kept and read.
      const password = process.env.PRINT_DEMO_PASSWORD === 'true' ? DEMO_PASSWORD : '见环境变量 DEMO_PASSWORD 或 README';
      console.log(`演示数据已就绪（新建用户 ${usersCreated} 个）。演示账号（密码：${password}）：\n${demoUsersTable()}`);
    }
  } finally {
    await ds.destroy();
  }
  if (seed) {
    const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error'] });
    try {
      const cases = await seedDemoCases(app);
      if (cases) console.log(`已生成演示案件 ${cases} 件（各街乡镇、各类别、各办理阶段）`);
    } finally {
      await app.close();
    }
  }
}

main().catch((e) => {
  console.error(e instanceof DomainError ? `启动准备失败：${e.message}` : `启动准备失败：${(e as Error).message}`);
  process.exit(1);
});
