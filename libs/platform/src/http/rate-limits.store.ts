import { rawExec, rawRows, type RowOf, type SqlRunner } from '../database/typed-sql';

/** rate_limits (the throttler's fixed-window counters, shared by every api process), typed (issue 19 item 2). */

export type RateHitRow = RowOf<'rate_limits', 'hits'> & { ttl: number };

/** Counts one hit in the key's window (a new window when the last one ended), atomically; the hits and seconds left. */
export async function countHit(m: SqlRunner, key: string, ttlMs: number): Promise<RateHitRow> {
  const [row] = await rawRows<RateHitRow>(
    m,
    `INSERT INTO rate_limits AS r (key, hits, expires_at) VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.hits + 1 END,
         expires_at = CASE WHEN r.expires_at <= now() THEN now() + make_interval(secs => $2 / 1000.0) ELSE r.expires_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM r.expires_at - now())))::int AS ttl`,
    [key, ttlMs],
  );
  return row!;
}

/** Removes the rows of windows that ended more than an hour ago. */
export async function removeEndedWindows(m: SqlRunner): Promise<void> {
  await rawExec(m, `DELETE FROM rate_limits WHERE expires_at < now() - interval '1 hour'`);
}
