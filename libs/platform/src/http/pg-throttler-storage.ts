import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import * as RateLimits from './rate-limits.store';

/**
 * @nestjs/throttler's storage in PostgreSQL instead of one process's memory (issue 14 item 12): every api process
 * counts in the same row, atomically (one upsert). A fixed window of `ttl`; past `limit` the key is blocked until the
 * window ends. Rows of ended windows are removed now and then.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly ds: DataSource) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const row = await RateLimits.countHit(this.ds, `${throttlerName}:${key}`.slice(0, 128), ttl);
    if (Math.random() < 0.005) await RateLimits.removeEndedWindows(this.ds);
    const isBlocked = row.hits > limit;
    return { totalHits: row.hits, timeToExpire: row.ttl, isBlocked, timeToBlockExpire: isBlocked ? row.ttl : 0 };
  }
}
