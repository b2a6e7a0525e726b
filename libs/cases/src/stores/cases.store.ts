import { qb, rawExec, rawRows, run, runFirst, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { CaseScope } from '../queries/case-scope';
import { scopeClause } from '../queries/case-scope';

/**
 * The cases table (the register: one row per application), typed through the generated schema (issue 19 item 2).
 * Every function runs in the caller's transaction (`m`); the scope clauses (case-scope.ts) restrict the alias `c`.
 */

/** Whether the case exists within the scope (404 otherwise, decided by the caller). */
export async function caseInScope(m: SqlRunner, caseId: string, scope: CaseScope): Promise<boolean> {
  const s = scopeClause(scope, 2);
  const rows = await rawRows<{ '?column?': number }>(m, `SELECT 1 FROM cases c WHERE c.id = $1 ${s.sql}`, [caseId, ...s.params]);
  return rows.length > 0;
}

/** Whether the case exists at all. */
export async function caseExists(m: SqlRunner, caseId: string): Promise<boolean> {
  return !!(await runFirst(m, qb.selectFrom('cases').select('id').where('id', '=', caseId)));
}

/** What a transition checks before its conditional UPDATE: state, version and handler, within the scope. */
export async function caseForTransition(
  m: SqlRunner,
  caseId: string,
  scope: CaseScope,
): Promise<RowOf<'cases', 'id' | 'case_number' | 'state' | 'version' | 'handler_id'> | undefined> {
  const s = scopeClause(scope, 2);
  const [row] = await rawRows<RowOf<'cases', 'id' | 'case_number' | 'state' | 'version' | 'handler_id'>>(
    m,
    `SELECT id, case_number, state, version, handler_id FROM cases c WHERE id = $1 ${s.sql}`,
    [caseId, ...s.params],
  );
  return row;
}

/** State and handler within the scope (who may act on the case). */
export async function caseOwnership(
  m: SqlRunner,
  caseId: string,
  scope: CaseScope,
): Promise<RowOf<'cases', 'state' | 'handler_id'> | undefined> {
  const s = scopeClause(scope, 2);
  const [row] = await rawRows<RowOf<'cases', 'state' | 'handler_id'>>(m, `SELECT state, handler_id FROM cases c WHERE c.id = $1 ${s.sql}`, [
    caseId,
    ...s.params,
  ]);
  return row;
}

/** Township, state and handler: the access gate of the `/cases/:id…` routes. */
export function caseAccessRow(m: SqlRunner, caseId: string): Promise<RowOf<'cases', 'township_id' | 'state' | 'handler_id'> | undefined> {
  return runFirst(m, qb.selectFrom('cases').select(['township_id', 'state', 'handler_id']).where('id', '=', caseId));
}

export type LockedCaseRow = RowOf<
  'cases',
  'id' | 'case_number' | 'state' | 'version' | 'handler_id' | 'township_id' | 'respondent_department_id'
> & {
  /** The decision as recorded (JSON): type, decidedOn, … */
  decision: { type?: string; decidedOn?: string } | null;
  /** closure->>'on' */
  closed_on: string | null;
};

/** SELECT … FOR UPDATE of one case. */
export async function lockCase(m: SqlRunner, caseId: string): Promise<LockedCaseRow | undefined> {
  const [r] = await rawRows<LockedCaseRow>(
    m,
    `SELECT id, case_number, state, version, handler_id, township_id, respondent_department_id, decision, closure->>'on' AS closed_on
       FROM cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  return r;
}

/** Who hears about a case: its handler, or the clerk who registered it. */
export async function caseUsers(
  m: SqlRunner,
  caseIds: readonly string[],
): Promise<Array<RowOf<'cases', 'id' | 'case_number'> & { user_id: string | null }>> {
  return rawRows<RowOf<'cases', 'id' | 'case_number'> & { user_id: Row<'cases'>['handler_id'] }>(
    m,
    'SELECT id, case_number, coalesce(handler_id, registered_by) AS user_id FROM cases WHERE id = ANY($1::uuid[])',
    [[...caseIds]],
  );
}

/** The case's handler, or the clerk who registered it; undefined when there is no such case. */
export async function caseUser(m: SqlRunner, caseId: string): Promise<{ user_id: string | null } | undefined> {
  const [r] = await rawRows<{ user_id: Row<'cases'>['handler_id'] }>(
    m,
    'SELECT coalesce(handler_id, registered_by) AS user_id FROM cases WHERE id = $1',
    [caseId],
  );
  return r;
}

export function caseProcedure(m: SqlRunner, caseId: string): Promise<RowOf<'cases', 'procedure'> | undefined> {
  return runFirst(m, qb.selectFrom('cases').select('procedure').where('id', '=', caseId));
}

/** ARL 55: simplified → ordinary. */
export async function setOrdinaryProcedure(m: SqlRunner, caseId: string): Promise<void> {
  await run(m, qb.updateTable('cases').set({ procedure: 'ordinary' }).where('id', '=', caseId));
}

/** The decision's submission reads the stage, the version and the acceptance day. */
export async function caseForDecision(
  m: SqlRunner,
  caseId: string,
): Promise<RowOf<'cases', 'state' | 'version' | 'accepted_on'> | undefined> {
  const [r] = await rawRows<RowOf<'cases', 'state' | 'version' | 'accepted_on'>>(
    m,
    'SELECT state, version, accepted_on::text AS accepted_on FROM cases WHERE id = $1',
    [caseId],
  );
  return r;
}

export type SubmittedDecision = Record<string, unknown> & { submittedOn?: string; submittedBy?: string };

/** The decision awaiting approval, with the acceptance day; undefined unless the case is decision_pending. */
export async function pendingDecision(
  m: SqlRunner,
  caseId: string,
): Promise<{ decision: SubmittedDecision | null; accepted_on: Row<'cases'>['accepted_on'] } | undefined> {
  const [r] = await rawRows<{ decision: SubmittedDecision | null; accepted_on: Row<'cases'>['accepted_on'] }>(
    m,
    `SELECT decision, accepted_on::text AS accepted_on FROM cases WHERE id = $1 AND state = 'decision_pending'`,
    [caseId],
  );
  return r;
}

/** The respondent's name and what a publication lists with it. */
export async function publicationFacts(
  m: SqlRunner,
  caseId: string,
): Promise<(RowOf<'cases', 'respondent_department_id' | 'category'> & { respondent: Row<'departments'>['name'] }) | undefined> {
  return runFirst(
    m,
    qb
      .selectFrom('cases as c')
      .innerJoin('departments as d', 'd.id', 'c.respondent_department_id')
      .select(['d.name as respondent', 'c.respondent_department_id', 'c.category'])
      .where('c.id', '=', caseId),
  );
}

/** The live publication's text on the case (null: none). */
export async function setPublishedText(m: SqlRunner, caseId: string, text: string | null): Promise<void> {
  await rawExec(
    m,
    text === null ? 'UPDATE cases SET published_text = NULL WHERE id = $1' : 'UPDATE cases SET published_text = $2 WHERE id = $1',
    text === null ? [caseId] : [caseId, text],
  );
}

/** A reissued query code replaces the old one at once. */
export async function setQueryCodeHash(m: SqlRunner, caseId: string, hash: string): Promise<void> {
  await run(m, qb.updateTable('cases').set({ query_code_hash: hash }).where('id', '=', caseId));
}

export type NewCase = Pick<
  Row<'cases'>,
  | 'id'
  | 'case_number'
  | 'year'
  | 'seq'
  | 'state'
  | 'township_id'
  | 'registered_by'
  | 'channel'
  | 'respondent_department_id'
  | 'category'
  | 'act_type'
  | 'act_document_number'
  | 'act_date'
  | 'act_known_date'
  | 'requests'
  | 'facts_reasons'
  | 'query_code_hash'
  | 'act_project'
  | 'act_place'
> & { receipt_at: Date; materials: unknown };

/** A registered case; returns its version. */
export async function insertCase(m: SqlRunner, c: NewCase): Promise<RowOf<'cases', 'version'>> {
  const [row] = await rawRows<RowOf<'cases', 'version'>>(
    m,
    `INSERT INTO cases (id, case_number, year, seq, state, township_id, registered_by, channel, receipt_at, respondent_department_id,
       category, act_type, act_document_number, act_date, act_known_date, requests, facts_reasons, materials, query_code_hash, act_project, act_place)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) RETURNING version`,
    [
      c.id,
      c.case_number,
      c.year,
      c.seq,
      c.state,
      c.township_id,
      c.registered_by,
      c.channel,
      c.receipt_at,
      c.respondent_department_id,
      c.category,
      c.act_type,
      c.act_document_number,
      c.act_date,
      c.act_known_date,
      c.requests,
      c.facts_reasons,
      JSON.stringify(c.materials),
      c.query_code_hash,
      c.act_project,
      c.act_place,
    ],
  );
  return row!;
}

/** Case id and query-code hash by case number (the public lookup). */
export function caseByNumber(m: SqlRunner, caseNumber: string): Promise<RowOf<'cases', 'id' | 'query_code_hash'> | undefined> {
  return runFirst(m, qb.selectFrom('cases as c').select(['c.id', 'c.query_code_hash']).where('c.case_number', '=', caseNumber));
}

/** Ids of the cases with this number (exact). */
export function caseIdsByNumber(m: SqlRunner, caseNumber: string): Promise<Array<RowOf<'cases', 'id'>>> {
  return run(m, qb.selectFrom('cases as c').select('c.id').where('c.case_number', '=', caseNumber));
}

export type CaseOfClock = RowOf<'case_clocks', 'id' | 'case_id' | 'rule' | 'due_date' | 'status'> &
  RowOf<'cases', 'state' | 'version' | 'case_number'>;

/** A clock with its case, the case locked (FOR UPDATE OF c): what a lapsed clock's legal effect checks and changes. */
export async function lockCaseOfClock(m: SqlRunner, clockId: string): Promise<CaseOfClock | undefined> {
  const [k] = await rawRows<CaseOfClock>(
    m,
    `SELECT k.id, k.case_id, k.rule, k.due_date, k.status, c.state, c.version, c.case_number
       FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.id = $1 FOR UPDATE OF c`,
    [clockId],
  );
  return k;
}
