import { rawRows, type SqlRunner } from '@fuyi/platform';

/** Advisory lock key of the compactor: one at a time, so two compactions never upsert the same sums in opposite orders. */
const COMPACT_LOCK = 0x57a7_17;

/**
 * The roll-up tables kept by triggers (stat_daily_delta) and by the compactor (stat_daily, stat_monthly), typed through
 * the generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

/** The compactor's transaction-scoped advisory lock; false when another compaction holds it. */
export async function tryLockCompaction(m: SqlRunner): Promise<boolean> {
  const [row] = await rawRows<{ locked: boolean }>(m, 'SELECT pg_try_advisory_xact_lock($1) AS locked', [COMPACT_LOCK]);
  return row!.locked;
}

/**
 * Moves up to `batch` of the oldest ±1 deltas into the daily and monthly sums (upserts in a fixed order); returns how
 * many delta rows moved.
 */
export async function compactDeltas(m: SqlRunner, batch: number): Promise<number> {
  // Raw SQL: one statement of data-modifying CTEs (DELETE … RETURNING feeding two ordered upserts).
  const [row] = await rawRows<{ moved: number }>(
    m,
    `WITH moved AS (DELETE FROM stat_daily_delta WHERE id IN (SELECT id FROM stat_daily_delta ORDER BY id LIMIT $1) RETURNING day, dim, key, measure, n),
          sums AS (SELECT day, dim, key, measure, sum(n)::int AS n, count(*) AS rows FROM moved GROUP BY 1, 2, 3, 4),
          up AS (INSERT INTO stat_daily (day, dim, key, measure, n) SELECT day, dim, key, measure, n FROM sums ORDER BY dim, day, key, measure
                 ON CONFLICT (dim, day, key, measure) DO UPDATE SET n = stat_daily.n + EXCLUDED.n RETURNING 1),
          months AS (INSERT INTO stat_monthly (month, dim, key, measure, n)
                     SELECT date_trunc('month', day)::date, dim, key, measure, sum(n)::int FROM sums GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
                     ON CONFLICT (dim, month, key, measure) DO UPDATE SET n = stat_monthly.n + EXCLUDED.n RETURNING 1)
     SELECT coalesce(sum(rows), 0)::int AS moved FROM sums`,
    [batch],
  );
  return row!.moved;
}
