import { rawRows, type Row, type SqlRunner } from '@fuyi/platform';

type Db = SqlRunner;
export type Bind = (value: unknown) => string;

/**
 * What to look for among the parties (alias `p`), in two forms: `indexed` for the indexes (every match at once) and
 * `perCase`, cheap to test on the parties of one case (e.g. LIKE instead of the character-pair containment).
 */
export interface PartyMatch {
  indexed: (bind: Bind) => string;
  perCase: (bind: Bind) => string;
}

/**
 * Past this many matching parties a term is common (a surname, '王小' as typed): walking the newest cases and testing
 * each finds a page sooner than ordering every match. Below it, the matches come through the index and only those
 * cases are ordered. Around this size both ways cost about the same at 1,000,000 cases (bench/work-views.bench.ts).
 */
export const COMMON_TERM_MATCHES = 4000;

/**
 * Cases with a matching party, newest receipt first, after the keyset `after` ([receipt_at as text, id]); at most `n`.
 * The planner's own row estimate (the statistics of the name and ID indexes) picks the way: a wrong estimate costs
 * time, never results. Both ways are spelled out (OFFSET 0): left to itself, the planner prices a per-case test so
 * low that it walks a million cases for a term that the index answers with a few hundred rows.
 */
export async function newestCasesWithParty(db: Db, match: PartyMatch, n: number, after: [string, string] | null): Promise<Array<{ id: string; at: string }>> {
  const common = (await estimatedMatches(db, match)) > COMMON_TERM_MATCHES;
  const params: unknown[] = [n];
  const bind: Bind = (v) => `$${params.push(v)}`;
  const matching = common
    ? `EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND ${match.perCase(bind)} OFFSET 0)`
    : `c.id IN (SELECT p.case_id FROM case_parties p WHERE ${match.indexed(bind)} OFFSET 0)`;
  return rawRows<{ id: Row<'cases'>['id']; at: string }>(
    db,
    `SELECT c.id, c.receipt_at::text AS at FROM cases c WHERE ${matching} ${keyset(after, bind)}
      ORDER BY c.receipt_at DESC, c.id DESC LIMIT $1`,
    params,
  );
}

async function estimatedMatches(db: Db, match: PartyMatch): Promise<number> {
  const params: unknown[] = [];
  // EXPLAIN's one row: its plan as JSON (a string or parsed, by driver).
  const [row] = await rawRows<{ 'QUERY PLAN': unknown }>(db, `EXPLAIN (FORMAT JSON) SELECT 1 FROM case_parties p WHERE ${match.indexed((v) => `$${params.push(v)}`)}`, params);
  const plan = row?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan?: { 'Plan Rows'?: number } }> | undefined;
  return Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

const keyset = (after: [string, string] | null, bind: Bind) =>
  after ? `AND (c.receipt_at, c.id) < (${bind(after[0])}::timestamptz, ${bind(after[1])}::uuid)` : '';
