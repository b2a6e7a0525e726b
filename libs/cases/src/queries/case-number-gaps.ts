import type { DataSource } from 'typeorm';
import { formatCaseNumber } from '../domain/case-number';

export interface CaseNumberGaps {
  year: number;
  /** The last number handed out this year (0 when none). */
  lastIssued: number;
  /** Cases that hold a number of the year. */
  registered: number;
  /** Numbers handed out to a registration that never completed (refused late, connection lost): unused, never reissued. */
  unused: Array<{ seq: number; caseNumber: string }>;
}

/** How many unused numbers one answer lists; `unusedCount` tells the office whether there are more. */
const LIST_LIMIT = 500;

/**
 * The office's view of its numbering (issue 15 item 2): case numbers are unique and increasing per year but may have
 * gaps, because a number is committed before its registration is (case-number-allocator.ts). Every gap is shown here.
 */
export async function caseNumberGaps(ds: DataSource, prefix: string, year: number): Promise<CaseNumberGaps & { unusedCount: number }> {
  const [row] = await ds.query(
    `WITH last AS (SELECT COALESCE((SELECT last_seq FROM case_number_counters WHERE year = $1), 0) AS n),
          unused AS (SELECT s FROM generate_series(1, (SELECT n FROM last)) s
                      WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.year = $1 AND c.seq = s))
     SELECT (SELECT n FROM last) AS last_issued,
            (SELECT count(*)::int FROM cases WHERE year = $1) AS registered,
            (SELECT count(*)::int FROM unused) AS unused_count,
            COALESCE((SELECT array_agg(s ORDER BY s) FROM (SELECT s FROM unused ORDER BY s LIMIT ${LIST_LIMIT}) x), '{}') AS unused`,
    [year],
  );
  return {
    year, lastIssued: row.last_issued, registered: row.registered, unusedCount: row.unused_count,
    unused: (row.unused as number[]).map((seq) => ({ seq, caseNumber: formatCaseNumber(prefix, year, seq) })),
  };
}
