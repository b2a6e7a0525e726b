import Redis, { type RedisOptions } from 'ioredis';
import { DomainError } from '@fuyi/kernel';

/** BullMQ needs maxRetriesPerRequest: null on worker connections. */
export function redisConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true, ...extra });
}

/**
 * Start-up check: Redis reachable, and configured never to evict keys. With eviction a queued job
 * could silently vanish; Postgres would still rebuild it, but a lossy queue is a misconfiguration.
 */
export async function assertRedisUsable(url: string): Promise<void> {
  const redis = redisConnection(url, { maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 3000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') {
      throw new DomainError(
        'REDIS_EVICTION_POLICY',
        `Redis 的 maxmemory-policy 为 ${policy}，必须设为 noeviction（例如 redis-cli CONFIG SET maxmemory-policy noeviction）`,
        'unavailable',
      );
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('REDIS_UNREACHABLE', `无法连接 Redis（${safeUrl(url)}）：${(e as Error).message}`, 'unavailable');
  } finally {
    redis.disconnect();
  }
}

export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return '(无效地址)';
  }
}
