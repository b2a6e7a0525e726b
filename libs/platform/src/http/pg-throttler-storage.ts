import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

/**
 * @nestjs/throttler's storage in PostgreSQL instead of one process's memory (issue 14 item 12): every api process
 * counts in the same row, atomically (one upsert). A fixed window of `ttl`; past `limit` the key is blocked until the
 * window ends. Rows of ended windows are removed now and then.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly ds: DataSource) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const [row] = await this.ds.query(
      `INSERT INTO rate_limits AS r (key, hits, expires_at) VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.hits + 1 END,
         expires_at = CASE WHEN r.expires_at <= now() THEN now() + make_interval(secs => $2 / 1000.0) ELSE r.expires_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM r.expires_at - now())))::int AS ttl`,
      [`${throttlerName}:${key}`.slice(0, 128), ttl],
    );
    if (Math.random() < 0.005) await this.ds.query(`DELETE FROM rate_limits WHERE expires_at < now() - interval '1 hour'`);
    const isBlocked = row.hits > limit;
    return { totalHits: row.hits, timeToExpire: row.ttl, isBlocked, timeToBlockExpire: isBlocked ? row.ttl : 0 };
  }
}
