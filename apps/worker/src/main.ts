import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DomainError } from '@fuyi/kernel';
import { assertPostgresReachable, assertRedisUsable, loadConfig } from '@fuyi/platform';
import { WorkerModule } from './worker.module';

/** The worker: an application context (no HTTP server) running the outbox relay and the BullMQ processors. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertPostgresReachable(config.databaseUrl);
  await assertRedisUsable(config.redisUrl);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Finish in-flight jobs, close connections, then exit 0 (not re-raise the signal).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.init();
  console.log('复议 worker 已启动（发件箱转发、队列处理）');
}

bootstrap().catch((e) => {
  console.error(`worker 启动失败：${e instanceof DomainError ? e.message : (e as Error).message}`);
  process.exit(1);
});
