import 'reflect-metadata';
import { DomainError } from '@fuyi/kernel';
import { assertPostgresReachable, assertRedisUsable, loadConfig } from '@fuyi/platform';
import { createApp, servesWebConsole } from './create-app';
import { defaultWebRoot } from './http/web-console';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (config.connectsAsOwner) {
    // Issue 14 item 13: as the schema owner the api could rewrite or drop the audit trail; use the fuyi_app role.
    console.warn('警告：API 以数据库结构所有者身份连接（DATABASE_URL 与 OWNER_DATABASE_URL 用户相同）；生产环境请使用应用角色 fuyi_app');
  }
  await assertPostgresReachable(config.databaseUrl);
  await assertRedisUsable(config.redisUrl);
  const app = await createApp(config, { webRoot: defaultWebRoot() });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`复议 API 已启动：${url}${config.swaggerEnabled ? `\nAPI 文档：${url}/api/docs` : ''}`);
  console.log(servesWebConsole.get(app) ? `复议 Web 控制台：${url}/` : 'Web 控制台未构建（dist/web 不存在）：运行 npm run build 后重启');
}

bootstrap().catch((e) => {
  // A clear sentence, not a stack trace: the usual causes are a service down or a missing secret.
  console.error(`API 启动失败：${e instanceof DomainError ? e.message : (e as Error).message}`);
  process.exit(1);
});
