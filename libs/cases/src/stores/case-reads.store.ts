import { qb, rawRows, runFirst, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { CaseScope } from '../queries/case-scope';
import { scopeClause } from '../queries/case-scope';

/**
 * What the cases library reads about one case across its tables and the clocks (case_clocks, owned by libs/clocks and
 * read here as a stable contract), typed through the generated schema (issue 19 item 2). Reads only; every function
 * runs on the caller's manager (`m`).
 */

type Due = Row<'case_clocks'>['due_date'];

/** ARL 49-50 inputs of one case: its procedure and how many applicants it has. */
export async function caseHearingFacts(
  m: SqlRunner,
  caseId: string,
): Promise<(RowOf<'cases', 'procedure'> & { applicants: number }) | undefined> {
  const [r] = await rawRows<RowOf<'cases', 'procedure'> & { applicants: number }>(
    m,
    `SELECT c.procedure, (SELECT count(*)::int FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicants
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return r;
}

/** The open group-dispute clusters (libs/liaison's table, read as a stable contract) the case belongs to. */
export function openClustersOfCase(
  m: SqlRunner,
  caseId: string,
): Promise<Array<RowOf<'group_disputes', 'key_label' | 'member_count' | 'first_on' | 'last_on'>>> {
  return rawRows<RowOf<'group_disputes', 'key_label' | 'member_count' | 'first_on' | 'last_on'>>(
    m,
    `SELECT g.key_label, g.member_count, g.first_on, g.last_on FROM group_dispute_members gm JOIN group_disputes g ON g.id = gm.cluster_id
      WHERE gm.record_kind = 'case' AND gm.record_id = $1 AND g.state = 'open' ORDER BY g.created_at`,
    [caseId],
  );
}

/** Whether the decision clock was ever extended. */
export async function decisionExtended(m: SqlRunner, caseId: string): Promise<boolean> {
  const rows = await rawRows<{ '?column?': number }>(
    m,
    `SELECT 1 FROM case_clocks WHERE case_id = $1 AND rule = 'decision' AND extension_days > 0`,
    [caseId],
  );
  return rows.length > 0;
}

/** The running decision clock's due date (undefined: none running). */
export function runningDecisionDue(m: SqlRunner, caseId: string): Promise<RowOf<'case_clocks', 'due_date'> | undefined> {
  return runFirst(
    m,
    qb
      .selectFrom('case_clocks')
      .select('due_date')
      .where('case_id', '=', caseId)
      .where('rule', '=', 'decision')
      .where('status', '=', 'running'),
  );
}

/** The latest suspension-cap clock (running, paused or missed). */
export async function latestSuspensionCap(m: SqlRunner, caseId: string): Promise<RowOf<'case_clocks', 'due_date'> | undefined> {
  const [r] = await rawRows<RowOf<'case_clocks', 'due_date'>>(
    m,
    `SELECT due_date FROM case_clocks WHERE case_id = $1 AND rule = 'suspension-cap' AND status IN ('running', 'paused', 'missed') ORDER BY start_date DESC LIMIT 1`,
    [caseId],
  );
  return r;
}

/** The open lawsuit clock (ALL 45), if any. */
export async function openLawsuitClock(m: SqlRunner, caseId: string): Promise<RowOf<'case_clocks', 'due_date'> | undefined> {
  const [r] = await rawRows<RowOf<'case_clocks', 'due_date'>>(
    m,
    `SELECT due_date FROM case_clocks WHERE case_id = $1 AND rule = 'lawsuit' AND status IN ('running','paused')`,
    [caseId],
  );
  return r;
}

/** The latest respondent-reply clock that was missed (or is running past `today`), if any (ARL 70). */
export async function missedReply(m: SqlRunner, caseId: string, today: string): Promise<RowOf<'case_clocks', 'due_date'> | undefined> {
  const [r] = await rawRows<RowOf<'case_clocks', 'due_date'>>(
    m,
    `SELECT due_date FROM case_clocks WHERE case_id = $1 AND rule IN ('respondent-reply', 'simplified-reply')
        AND (status = 'missed' OR (status = 'running' AND due_date < $2)) ORDER BY start_date DESC LIMIT 1`,
    [caseId, today],
  );
  return r;
}

/** Whether the applicant's correction period lapsed (ARL 31). */
export async function correctionLapsed(m: SqlRunner, caseId: string): Promise<boolean> {
  const rows = await rawRows<{ '?column?': number }>(
    m,
    `SELECT 1 FROM case_clocks WHERE case_id = $1 AND rule = 'applicant-correction' AND status = 'missed'`,
    [caseId],
  );
  return rows.length > 0;
}

/** The rules and first days of the case's open (running or paused) clocks. */
export function openClockStarts(m: SqlRunner, caseId: string): Promise<Array<RowOf<'case_clocks', 'rule' | 'start_date'>>> {
  return rawRows<RowOf<'case_clocks', 'rule' | 'start_date'>>(
    m,
    `SELECT rule, start_date FROM case_clocks WHERE case_id = $1 AND status IN ('running', 'paused')`,
    [caseId],
  );
}

/** The days the acceptance review weighs (ARL 30-31): receipt, review start and due, correction notice due. */
export async function reviewDates(
  m: SqlRunner,
  caseId: string,
): Promise<{ received: string; review_start: Due | null; review_due: Due | null; notice_due: Due | null } | undefined> {
  const [r] = await rawRows<{ received: string; review_start: Due | null; review_due: Due | null; notice_due: Due | null }>(
    m,
    `SELECT (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date::text AS received,
            (SELECT max(k.start_date)::text FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'acceptance-review') AS review_start,
            (SELECT k.due_date::text FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'acceptance-review' AND k.status = 'running') AS review_due,
            (SELECT k.due_date::text FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'correction-notice' AND k.status = 'running') AS notice_due
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return r;
}

/** The acceptance review's due date as the receipt printed it: the one running now, else the one recorded at registration. */
export async function receiptAcceptanceDue(m: SqlRunner, caseId: string): Promise<string | null> {
  const [r] = await rawRows<{ due: Due | null }>(
    m,
    `SELECT coalesce((SELECT k.due_date::text FROM case_clocks k WHERE k.case_id = $1 AND k.rule = 'acceptance-review' AND k.status IN ('running', 'paused') LIMIT 1),
                     (SELECT e.data->>'acceptanceDue' FROM case_events e WHERE e.case_id = $1 AND e.type = 'registered' ORDER BY e.id LIMIT 1)) AS due`,
    [caseId],
  );
  return r!.due;
}

/** The ARL 20 clock stored at registration (met or missed by the receipt), as JSON. */
export const APPLICATION_CLOCK_SQL = `(SELECT json_build_object('due', k.due_date, 'provisional', k.provisional) FROM case_clocks k
  WHERE k.case_id = c.id AND k.rule = 'application' ORDER BY k.start_date DESC LIMIT 1)`;

export type ApplicationClock = { due: Due; provisional: Row<'case_clocks'>['provisional'] } | null;

export type ReissueCaseRow = RowOf<
  'cases',
  'id' | 'case_number' | 'receipt_at' | 'township_id' | 'act_known_date' | 'act_date' | 'category'
> & {
  materials: Array<{ name: string; copies: number }> | null;
  application_clock: ApplicationClock;
  /** townships.name through a LEFT JOIN */
  township: Row<'townships'>['name'] | null;
  respondent: Row<'departments'>['name'];
};

/** The case a query code is reissued for, locked (FOR UPDATE OF c), with what its receipt prints; within the scope. */
export async function lockCaseForReissue(m: SqlRunner, caseId: string, scope: CaseScope): Promise<ReissueCaseRow | undefined> {
  const s = scopeClause(scope, 2);
  const [c] = await rawRows<ReissueCaseRow>(
    m,
    `SELECT c.id, c.case_number, c.receipt_at, c.materials, c.township_id, c.act_known_date, c.act_date, c.category,
            ${APPLICATION_CLOCK_SQL} AS application_clock, t.name AS township, d.name AS respondent
       FROM cases c JOIN departments d ON d.id = c.respondent_department_id LEFT JOIN townships t ON t.id = c.township_id
      WHERE c.id = $1 ${s.sql} FOR UPDATE OF c`,
    [caseId, ...s.params],
  );
  return c;
}

/** The receiving counter and the respondent named by an application, in one round trip (null: no such row). */
export async function registrationReferences(
  m: SqlRunner,
  townshipId: number | null,
  departmentId: number,
): Promise<{ township: { id: number; name: string } | null; respondent: { id: number; name: string } | null }> {
  const [row] = await rawRows<{
    township: RowOf<'townships', 'id' | 'name'> | null;
    respondent: RowOf<'departments', 'id' | 'name'> | null;
  }>(
    m,
    `SELECT (SELECT json_build_object('id', id, 'name', name) FROM townships WHERE id = $1) AS township,
            (SELECT json_build_object('id', id, 'name', name) FROM departments WHERE id = $2) AS respondent`,
    [townshipId, departmentId],
  );
  return row!;
}

/** Handler candidates: active users of the handler roles, by workload (see CaseHandlingService.proposeHandlers). */
export function handlerWorkloads(
  m: SqlRunner,
  roles: readonly string[],
  section: string | null,
): Promise<Array<RowOf<'users', 'id' | 'display_name' | 'section'> & { open_cases: number; load: number }>> {
  return rawRows<RowOf<'users', 'id' | 'display_name' | 'section'> & { open_cases: number; load: number }>(
    m,
    `SELECT u.id, u.display_name, u.section,
            count(c.id)::int AS open_cases,
            coalesce(sum(CASE WHEN c.id IS NULL THEN 0 ELSE 1 + greatest(0, 20 - greatest(0, coalesce(nd.due, CURRENT_DATE + 20) - CURRENT_DATE))::numeric / 20 END), 0)::float AS load
       FROM users u
       LEFT JOIN cases c ON c.handler_id = u.id AND c.state IN ('accepted', 'suspended', 'decision_pending')
       LEFT JOIN LATERAL (SELECT min(k.due_date) AS due FROM case_clocks k WHERE k.case_id = c.id AND k.status IN ('running', 'paused')) nd ON true
      WHERE u.active AND u.role = ANY($1::text[]) AND ($2::text IS NULL OR u.section = $2)
      GROUP BY u.id ORDER BY load, u.display_name LIMIT 10`,
    [[...roles], section],
  );
}

/** A user who might be named handler: role and whether active. */
export function userForAssignment(m: SqlRunner, userId: string): Promise<RowOf<'users', 'id' | 'role' | 'active'> | undefined> {
  return runFirst(m, qb.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', userId));
}

/** Whether a township / department exists. */
export async function townshipExists(m: SqlRunner, id: number): Promise<boolean> {
  return !!(await runFirst(m, qb.selectFrom('townships').select('id').where('id', '=', id)));
}
export async function departmentExists(m: SqlRunner, id: number): Promise<boolean> {
  return !!(await runFirst(m, qb.selectFrom('departments').select('id').where('id', '=', id)));
}

/** A view's column over a NOT NULL column of its table (the view's own columns are all declared nullable). */
type Present<T> = NonNullable<T>;

export type PublicStatusRow = RowOf<'public_case_status', 'procedure' | 'received_on' | 'accepted_on' | 'suspension_ground'> & {
  case_number: Present<Row<'public_case_status'>['case_number']>;
  state: Present<Row<'public_case_status'>['state']>;
  updated_at: Present<Row<'public_case_status'>['updated_at']>;
};

/** The public views (migration Sunshine): the status row of a case, without personal or sealed fields. */
export async function publicCaseStatus(m: SqlRunner, caseId: string): Promise<PublicStatusRow | undefined> {
  const [r] = await rawRows<PublicStatusRow>(
    m,
    `SELECT case_number, state, procedure, received_on::text, accepted_on::text, updated_at, suspension_ground FROM public_case_status WHERE id = $1`,
    [caseId],
  );
  return r;
}

export type PublicClockRow = {
  rule: Present<Row<'public_case_clocks'>['rule']>;
  dueDate: Present<Row<'public_case_clocks'>['due_date']>;
  status: Present<Row<'public_case_clocks'>['status']>;
  provisional: Present<Row<'public_case_clocks'>['provisional']>;
  extensionDays: Present<Row<'public_case_clocks'>['extension_days']>;
};

export function publicCaseClocks(m: SqlRunner, caseId: string): Promise<PublicClockRow[]> {
  return rawRows<PublicClockRow>(
    m,
    `SELECT rule, due_date::text AS "dueDate", status, provisional, extension_days AS "extensionDays" FROM public_case_clocks WHERE case_id = $1`,
    [caseId],
  );
}
