import { rawRows, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The per-year case-number counters (case_number_counters) and the numbers they handed out, typed through the
 * generated schema (issue 19 item 2).
 */

/** The next number of the year (the counter row created at 1, or incremented). */
export async function takeNextNumber(m: SqlRunner, year: number): Promise<number> {
  const [row] = await rawRows<RowOf<'case_number_counters', 'last_seq'>>(
    m,
    `INSERT INTO case_number_counters (year, last_seq) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_seq = case_number_counters.last_seq + 1 RETURNING last_seq`,
    [year],
  );
  return row!.last_seq;
}

export interface NumberGapsRow {
  last_issued: RowOf<'case_number_counters', 'last_seq'>['last_seq'];
  registered: number;
  unused_count: number;
  /** The first `listLimit` numbers of the year no case holds, ascending. */
  unused: Array<RowOf<'cases', 'seq'>['seq']>;
}

/** The year's last number, how many cases hold one, and the numbers between that no case holds. */
export async function numberGaps(m: SqlRunner, year: number, listLimit: number): Promise<NumberGapsRow> {
  const [row] = await rawRows<NumberGapsRow>(
    m,
    `WITH last AS (SELECT COALESCE((SELECT last_seq FROM case_number_counters WHERE year = $1), 0) AS n),
          unused AS (SELECT s FROM generate_series(1, (SELECT n FROM last)) s
                      WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.year = $1 AND c.seq = s))
     SELECT (SELECT n FROM last) AS last_issued,
            (SELECT count(*)::int FROM cases WHERE year = $1) AS registered,
            (SELECT count(*)::int FROM unused) AS unused_count,
            COALESCE((SELECT array_agg(s ORDER BY s) FROM (SELECT s FROM unused ORDER BY s LIMIT ${Number(listLimit)}) x), '{}') AS unused`,
    [year],
  );
  return row!;
}
