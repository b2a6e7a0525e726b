import 'reflect-metadata';
import { DomainError } from '@fuyi/kernel';
import { assertPostgresReachable, assertRedisUsable, loadConfig } from '@fuyi/platform';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertPostgresReachable(config.databaseUrl);
  await assertRedisUsable(config.redisUrl);
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`复议 API 已启动：${url}\nAPI 文档：${url}/api/docs`);
}

bootstrap().catch((e) => {
  // A clear sentence, not a stack trace: the usual causes are a service down or a missing secret.
  console.error(`API 启动失败：${e instanceof DomainError ? e.message : (e as Error).message}`);
  process.exit(1);
});
