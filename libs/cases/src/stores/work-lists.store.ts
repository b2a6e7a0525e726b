import type { IsoDate } from '@fuyi/kernel';
import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import { OPEN_CLOCK_SQL } from '../queries/work-view-filters';

/**
 * What every list row shows and counts (the work views, the intake queue, the home figures), for many cases in one
 * query each, typed through the generated schema (issue 19 item 2). Reads only, on the caller's manager.
 */

export type CaseFactsRow = RowOf<'cases', 'id' | 'state' | 'procedure' | 'handler_id'> & {
  decision_submitted_by: string | null;
  published: boolean;
  correction_notified: boolean;
  correction_lapsed: boolean;
  /** Pending approval requests: kind → submitter (null: none). */
  pending: Record<string, string> | null;
  decision_extended: boolean;
  lawsuit_open: boolean;
  unserved: number;
  applicants: number;
  held: string[];
  in_cluster: boolean;
  waived: Array<string | null>;
};

/** What the operations' guards read besides state and role, for each of these cases (domain/case-actions.ts). */
export function caseFactRows(m: SqlRunner, ids: readonly string[], today: IsoDate): Promise<CaseFactsRow[]> {
  return rawRows<CaseFactsRow>(
    m,
    `SELECT c.id, c.state, c.procedure, c.handler_id, c.decision->>'submittedBy' AS decision_submitted_by, c.published_text IS NOT NULL AS published,
            EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'request_correction') AS correction_notified,
            EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'applicant-correction' AND k.status = 'missed') AS correction_lapsed,
            (SELECT json_object_agg(r.kind, r.submitted_by) FROM case_approval_requests r WHERE r.case_id = c.id AND r.status = 'pending') AS pending,
            EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'decision' AND k.extension_days > 0) AS decision_extended,
            EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'lawsuit' AND k.status IN ('running', 'paused') AND k.due_date >= $2::date) AS lawsuit_open,
            (SELECT count(*)::int FROM case_parties p WHERE p.case_id = c.id
                AND NOT EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = p.case_id AND s.party_id = p.id)) AS unserved,
            (SELECT count(*)::int FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicants,
            ARRAY(SELECT h.kind::text FROM case_hearings h WHERE h.case_id = c.id AND h.status = 'held') AS held,
            EXISTS (SELECT 1 FROM group_dispute_members gm JOIN group_disputes g ON g.id = gm.cluster_id
                     WHERE gm.record_kind = 'case' AND gm.record_id = c.id AND g.state = 'open') AS in_cluster,
            ARRAY(SELECT DISTINCT e.data->>'kind' FROM case_events e WHERE e.case_id = c.id AND e.type = 'hearing_waived') AS waived
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [[...ids], today],
  );
}

export type WorkItemRow = RowOf<
  'cases',
  | 'id'
  | 'case_number'
  | 'state'
  | 'version'
  | 'procedure'
  | 'category'
  | 'township_id'
  | 'respondent_department_id'
  | 'handler_id'
  | 'receipt_at'
  | 'accepted_on'
> & {
  /** Names through LEFT JOINs */
  township: Row<'townships'>['name'] | null;
  respondent: Row<'departments'>['name'] | null;
  handler: Row<'users'>['display_name'] | null;
  /** The applicants' names joined with '、' (null: none). */
  applicants: string | null;
};

/** What a work list shows for each of these cases (any order). */
export function workItemRows(m: SqlRunner, ids: readonly string[]): Promise<WorkItemRow[]> {
  return rawRows<WorkItemRow>(
    m,
    `SELECT c.id, c.case_number, c.state, c.version, c.procedure, c.category, c.township_id, t.name AS township,
            c.respondent_department_id, d.name AS respondent, c.handler_id, u.display_name AS handler, c.receipt_at, c.accepted_on,
            (SELECT string_agg(p.name, '、' ORDER BY p.position) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicants
       FROM cases c LEFT JOIN departments d ON d.id = c.respondent_department_id LEFT JOIN townships t ON t.id = c.township_id
       LEFT JOIN users u ON u.id = c.handler_id
      WHERE c.id = ANY($1::uuid[])`,
    [[...ids]],
  );
}

/** The open clocks of these cases, nearest due first (then by rule). */
export function openClocksOf(
  m: SqlRunner,
  ids: readonly string[],
): Promise<Array<RowOf<'case_clocks', 'case_id' | 'rule' | 'due_date' | 'status' | 'extension_days'>>> {
  return rawRows<RowOf<'case_clocks', 'case_id' | 'rule' | 'due_date' | 'status' | 'extension_days'>>(
    m,
    `SELECT k.case_id, k.rule, k.due_date, k.status, k.extension_days FROM case_clocks k
      WHERE k.case_id = ANY($1::uuid[]) AND ${OPEN_CLOCK_SQL('k')} ORDER BY k.due_date, k.rule`,
    [[...ids]],
  );
}

/** Counts of cases, one per condition list (conditions on alias `c`, over `params`), in one statement. */
export async function countCases(m: SqlRunner, wheres: ReadonlyArray<readonly string[]>, params: readonly unknown[]): Promise<number[]> {
  if (!wheres.length) return [];
  const [row] = await rawRows<Record<string, number>>(
    m,
    `SELECT ${wheres.map((where, i) => `(SELECT count(*)::int FROM cases c WHERE ${where.join(' AND ')}) AS n${i}`).join(', ')}`,
    [...params],
  );
  return wheres.map((_, i) => Number(row![`n${i}`]));
}

/** The transaction a count of the figures runs in: read-only, no parallel workers, no JIT. */
export async function figuresTransaction(m: SqlRunner): Promise<void> {
  await rawExec(m, `SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off`);
}

/** The transaction a page of a work view runs in: read-only, walk an index or sort the few rows (no hash or merge joins), no parallel workers. */
export async function pageTransaction(m: SqlRunner): Promise<void> {
  await rawExec(
    m,
    `SET TRANSACTION READ ONLY; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;
        SET LOCAL max_parallel_workers_per_gather = 0`,
  );
}
