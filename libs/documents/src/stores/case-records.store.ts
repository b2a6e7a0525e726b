import { qb, rawRows, runFirst, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * What a document prints from the case record: reads of the cases library's tables (cases, case_parties, case_clocks,
 * case_events, case_hearings) and of departments, typed through the generated schema (issue 19 item 2). Reads only:
 * the tables stay their owners' to write.
 */

/** The state and handler a document type's rules check. */
export function caseGate(m: SqlRunner, caseId: string): Promise<RowOf<'cases', 'state' | 'handler_id'> | undefined> {
  return runFirst(m, qb.selectFrom('cases').select(['state', 'handler_id']).where('id', '=', caseId));
}

export function caseNumber(m: SqlRunner, caseId: string): Promise<RowOf<'cases', 'case_number'> | undefined> {
  return runFirst(m, qb.selectFrom('cases').select('case_number').where('id', '=', caseId));
}

type ClockDue = Row<'case_clocks'>['due_date'] | null;

export type CaseFactsRow = RowOf<
  'cases',
  'case_number' | 'receipt_at' | 'accepted_on' | 'procedure' | 'act_type' | 'act_document_number' | 'materials'
> & {
  respondent: Row<'departments'>['name'];
  applicants: Array<Row<'case_parties'>['name']>;
  third_parties: Array<Row<'case_parties'>['name']>;
  acceptance_due: ClockDue;
  decision_due: ClockDue;
};

/** Due date of the newest clock of these rules, an open one first. */
const dueOf = (rules: string) => `(SELECT k.due_date FROM case_clocks k WHERE k.case_id = c.id AND k.rule IN (${rules})
  ORDER BY (k.status IN ('running', 'paused')) DESC, k.due_date DESC LIMIT 1)`;

/** The common facts of a case's documents: number, parties by name, respondent, act, dates and the clocks' due dates. */
export async function caseFactsRow(m: SqlRunner, caseId: string): Promise<CaseFactsRow | undefined> {
  const [c] = await rawRows<CaseFactsRow>(
    m,
    `SELECT c.case_number, c.receipt_at, c.accepted_on, c.procedure, c.act_type, c.act_document_number, c.materials, d.name AS respondent,
       ARRAY(SELECT p.name FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant' ORDER BY p.position) AS applicants,
       ARRAY(SELECT p.name FROM case_parties p WHERE p.case_id = c.id AND p.role = 'third_party' ORDER BY p.position) AS third_parties,
       ${dueOf(`'acceptance-review'`)} AS acceptance_due, ${dueOf(`'decision', 'decision-simplified'`)} AS decision_due
     FROM cases c JOIN departments d ON d.id = c.respondent_department_id WHERE c.id = $1`,
    [caseId],
  );
  return c;
}

/** The recorded steps a type-specific document prints (review outcome, decision, closure) and the requests. */
export function caseRecord(
  m: SqlRunner,
  caseId: string,
): Promise<RowOf<'cases', 'review_outcome' | 'decision' | 'closure' | 'requests' | 'facts_reasons'> | undefined> {
  return runFirst(
    m,
    qb.selectFrom('cases').select(['review_outcome', 'decision', 'closure', 'requests', 'facts_reasons']).where('id', '=', caseId),
  );
}

/** The latest resumption: its event id and the date it names (every resume event records `on`). */
export async function latestResumption(m: SqlRunner, caseId: string): Promise<(RowOf<'case_events', 'id'> & { on: string }) | undefined> {
  const [r] = await rawRows<RowOf<'case_events', 'id'> & { on: string }>(
    m,
    `SELECT id, data->>'on' AS on FROM case_events WHERE case_id = $1 AND type = 'resume' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return r;
}

/** Every decision_extended event records its reason; approvedOn only since issue 12. */
export type ExtensionRow = RowOf<'case_events', 'occurred_at'> & { reason: string; approved_on: string | null };

/** The latest approved extension of the decision period. */
export async function latestExtension(m: SqlRunner, caseId: string): Promise<ExtensionRow | undefined> {
  const [e] = await rawRows<ExtensionRow>(
    m,
    `SELECT data->>'reason' AS reason, data->>'approvedOn' AS approved_on, occurred_at FROM case_events WHERE case_id = $1 AND type = 'decision_extended' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return e;
}

export type SuspensionRow = { from: string; ground: number; reason: string | null };

/** The suspension recorded before event `beforeEvent` (any, when null), the latest first. */
export async function latestSuspension(m: SqlRunner, caseId: string, beforeEvent: string | null): Promise<SuspensionRow | undefined> {
  const [s] = await rawRows<SuspensionRow>(
    m,
    `SELECT data->>'from' AS from, (data->>'ground')::int AS ground, data->>'reason' AS reason FROM case_events
      WHERE case_id = $1 AND type = 'suspend' AND ($2::bigint IS NULL OR id < $2::bigint) ORDER BY id DESC LIMIT 1`,
    [caseId, beforeEvent],
  );
  return s;
}

/** The latest scheduled formal hearing. */
export function scheduledHearing(m: SqlRunner, caseId: string): Promise<RowOf<'case_hearings', 'held_on' | 'place' | 'panel'> | undefined> {
  return runFirst(
    m,
    qb
      .selectFrom('case_hearings')
      .select(['held_on', 'place', 'panel'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'formal')
      .where('status', '=', 'scheduled')
      .orderBy('created_at', 'desc')
      .limit(1),
  );
}
