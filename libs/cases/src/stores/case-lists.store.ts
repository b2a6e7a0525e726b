import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { CaseScope } from '../queries/case-scope';
import { scopeClause } from '../queries/case-scope';
import { APPLICATION_CLOCK_SQL, type ApplicationClock } from './case-reads.store';

/**
 * The intake queue, the township's applications, the acceptance review and the case detail: reads of the register with
 * its names and clocks, typed through the generated schema (issue 19 item 2). Reads only, on the caller's manager.
 */

type Due = Row<'case_clocks'>['due_date'];

const LIST_COLUMNS = `c.id, c.case_number, c.state, c.version, c.township_id, t.name AS township, c.receipt_at, (SELECT k.due_date FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'acceptance-review' AND k.status IN ('running', 'paused')) AS acceptance_due,
  d.name AS respondent, c.act_known_date, c.act_date, c.category, ${APPLICATION_CLOCK_SQL} AS application_clock,
  (SELECT string_agg(p.name, '、' ORDER BY p.position) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicants`;
const LIST_JOINS = 'FROM cases c JOIN departments d ON d.id = c.respondent_department_id LEFT JOIN townships t ON t.id = c.township_id';

export type QueueRow = RowOf<
  'cases',
  'id' | 'case_number' | 'state' | 'version' | 'township_id' | 'receipt_at' | 'act_known_date' | 'act_date' | 'category'
> & {
  /** townships.name through a LEFT JOIN */
  township: Row<'townships'>['name'] | null;
  acceptance_due: Due | null;
  respondent: Row<'departments'>['name'];
  application_clock: ApplicationClock;
  /** The applicants' names joined with '、' (null: none). */
  applicants: string | null;
};

/** Registered cases awaiting acceptance review, oldest receipt first, after the keyset; at most `n`. */
export function intakeQueueRows(m: SqlRunner, state: string, n: number, after: [string, string] | null): Promise<QueueRow[]> {
  return rawRows<QueueRow>(
    m,
    `SELECT ${LIST_COLUMNS} ${LIST_JOINS}
      WHERE c.state = $1 ${after ? 'AND (c.receipt_at, c.id) > ($3::timestamptz, $4::uuid)' : ''}
      ORDER BY c.receipt_at, c.id LIMIT $2`,
    [state, n, ...(after ?? [])],
  );
}

/** Cases matching `where` (conditions on alias `c`; `params` starts with the row limit as $1), newest receipt first. */
export function newestApplicationRows(m: SqlRunner, where: readonly string[], params: readonly unknown[]): Promise<QueueRow[]> {
  return rawRows<QueueRow>(
    m,
    `SELECT ${LIST_COLUMNS} ${LIST_JOINS} WHERE ${where.join(' AND ')} ORDER BY c.receipt_at DESC, c.id DESC LIMIT $1`,
    [...params],
  );
}

export type AcceptanceReviewRow = RowOf<
  'cases',
  'id' | 'case_number' | 'state' | 'version' | 'receipt_at' | 'act_known_date' | 'act_date' | 'category' | 'review_outcome'
> & {
  application_clock: ApplicationClock;
  acceptance_due: Due | null;
};

export async function acceptanceReviewRow(m: SqlRunner, caseId: string, scope: CaseScope): Promise<AcceptanceReviewRow | undefined> {
  const s = scopeClause(scope, 2);
  const [c] = await rawRows<AcceptanceReviewRow>(
    m,
    `SELECT c.id, c.case_number, c.state, c.version, c.receipt_at, c.act_known_date, c.act_date, c.category, c.review_outcome,
            ${APPLICATION_CLOCK_SQL} AS application_clock,
            (SELECT k.due_date FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'acceptance-review' AND k.status IN ('running', 'paused')) AS acceptance_due
       FROM cases c WHERE c.id = $1 ${s.sql}`,
    [caseId, ...s.params],
  );
  return c;
}

export type CaseDetailRow = Row<'cases'> & {
  respondent: Row<'departments'>['name'];
  /** townships.name through a LEFT JOIN */
  township: Row<'townships'>['name'] | null;
  acceptance_due: Due | null;
};

/** The whole case row with its respondent's and township's names and the running acceptance review's due date. */
export async function caseDetailRow(m: SqlRunner, caseId: string, scope: CaseScope): Promise<CaseDetailRow | undefined> {
  const s = scopeClause(scope, 2);
  const [c] = await rawRows<CaseDetailRow>(
    m,
    `SELECT c.*, d.name AS respondent, t.name AS township,
      (SELECT k.due_date FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'acceptance-review' AND k.status IN ('running', 'paused')) AS acceptance_due FROM cases c
       JOIN departments d ON d.id = c.respondent_department_id LEFT JOIN townships t ON t.id = c.township_id
      WHERE c.id = $1 ${s.sql}`,
    [caseId, ...s.params],
  );
  return c;
}
