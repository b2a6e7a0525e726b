import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Advisory lock key of the compactor: one at a time, so two compactions never upsert the same sums in opposite orders. */
const COMPACT_LOCK = 0x57a7_17;

/**
 * Moves the triggers' ±1 deltas (stat_daily_delta) into the daily and monthly sums (stat_daily, stat_monthly). Reads are exact with or without it
 * (they add both tables); it keeps the delta table short. A sum that falls to 0 stays as a row (reads drop all-zero rows). Run by the worker (job statistics.compact); a second caller
 * while one runs returns 0 at once.
 */
@Injectable()
export class RollupCompactor {
  constructor(private readonly ds: DataSource) {}

  async compact(batch = 50_000): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [COMPACT_LOCK]);
      if (!locked) return 0;
      const [{ moved }] = await m.query(
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
      return moved as number;
    });
  }
}
