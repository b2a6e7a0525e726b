import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import Redis from 'ioredis';
import { createApp } from '../../apps/api/src/create-app';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { createTestDatabase, type TestDatabase } from './test-database';
import { apiRequest } from './api-request';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The real AppModule on Fastify, a fresh cloned database and the real Redis (own key prefix). */
export async function createTestApp(opts: { rateLimitPerMinute?: number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase({ env: opts.env });
  const app = await createApp(db.config, { rateLimitPerMinute: opts.rateLimitPerMinute ?? 10_000 });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => apiRequest(app);
  return {
    app, db, http,
    async login(username: string) {
      const res = await http().post('/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await cleanRedisPrefix(db.config.redisUrl, db.config.queuePrefix);
      await db.drop();
    },
  };
}

export async function cleanRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
