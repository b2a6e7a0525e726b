import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { Camel } from './camel';

/**
 * Reads of the letter aggregate (liaison_letters: opinion and suggestion letters), typed through the generated schema
 * (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

export type LetterRow = RowOf<'liaison_letters', 'id' | 'kind' | 'problems' | 'recommendations' | 'state' | 'version' | 'feedback'> &
  Camel<
    RowOf<
      'liaison_letters',
      | 'case_id'
      | 'recipient_department_id'
      | 'issued_on'
      | 'received_on'
      | 'feedback_due'
      | 'feedback_due_provisional'
      | 'feedback_due_explanation'
      | 'feedback_on'
      | 'corrections_reported'
      | 'escalated_at'
      | 'closed_on'
    >
  > & { caseNumber: Row<'cases'>['case_number'] | null; recipient: Row<'departments'>['name'] };

/** A letter with its case number and recipient's name, or undefined. */
export async function letter(m: SqlRunner, id: string): Promise<LetterRow | undefined> {
  const [row] = await rawRows<LetterRow>(
    m,
    `SELECT l.id, l.kind, l.case_id AS "caseId", c.case_number AS "caseNumber", l.recipient_department_id AS "recipientDepartmentId",
            d.name AS recipient, l.problems, l.recommendations, l.state, l.version, l.issued_on AS "issuedOn", l.received_on AS "receivedOn",
            l.feedback_due AS "feedbackDue", l.feedback_due_provisional AS "feedbackDueProvisional",
            l.feedback_due_explanation AS "feedbackDueExplanation", l.feedback_on AS "feedbackOn", l.feedback, l.corrections_reported AS "correctionsReported",
            l.escalated_at AS "escalatedAt", l.closed_on AS "closedOn"
       FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id LEFT JOIN cases c ON c.id = l.case_id WHERE l.id = $1`,
    [id],
  );
  return row;
}

export type CaseLetterRow = RowOf<'liaison_letters', 'id' | 'kind' | 'state'> &
  Camel<RowOf<'liaison_letters', 'feedback_due' | 'feedback_due_provisional'>>;

/** A case's letters in the order they were written. */
export function caseLetters(m: SqlRunner, caseId: string): Promise<CaseLetterRow[]> {
  return rawRows<CaseLetterRow>(
    m,
    `SELECT id, kind, state, feedback_due AS "feedbackDue", feedback_due_provisional AS "feedbackDueProvisional" FROM liaison_letters WHERE case_id = $1 ORDER BY created_at`,
    [caseId],
  );
}

export type LetterListRow = RowOf<'liaison_letters', 'created_at' | 'id' | 'kind' | 'state' | 'version'> &
  Camel<RowOf<'liaison_letters', 'case_id' | 'feedback_due' | 'feedback_due_provisional' | 'escalated_at'>> & {
    recipient: Row<'departments'>['name'];
  };

/** Newest first, in one state or all, after a keyset position (created_at, id), `limit` rows. */
export function letterList(
  m: SqlRunner,
  state: string | null,
  limit: number,
  after: { at: string; id: string } | null,
): Promise<LetterListRow[]> {
  return rawRows<LetterListRow>(
    m,
    `SELECT l.created_at, l.id, l.kind, l.state, l.version, l.case_id AS "caseId", d.name AS recipient, l.feedback_due AS "feedbackDue",
            l.feedback_due_provisional AS "feedbackDueProvisional", l.escalated_at AS "escalatedAt"
       FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id
      WHERE ($1::text IS NULL OR l.state = $1) AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', l.created_at), l.id) < ($3::timestamptz, $4::uuid))
      ORDER BY date_trunc('milliseconds', l.created_at) DESC, l.id DESC LIMIT $2`,
    [state, limit, after?.at ?? null, after?.id ?? null],
  );
}

/** Marks overdue letters escalated to the office head (once: a letter already escalated keeps its time). */
export async function markEscalated(m: SqlRunner, ids: readonly string[], at: Date): Promise<void> {
  await rawExec(m, 'UPDATE liaison_letters SET escalated_at = $2 WHERE id = ANY($1::uuid[]) AND escalated_at IS NULL', [[...ids], at]);
}

/** A new draft letter; returns its id, state and version. */
export async function insertDraft(
  m: SqlRunner,
  d: { kind: string; caseId: string | null; recipientDepartmentId: number; problems: unknown; recommendations: unknown; createdBy: string },
) {
  const [row] = await rawRows<RowOf<'liaison_letters', 'id' | 'state' | 'version'>>(
    m,
    `INSERT INTO liaison_letters (kind, case_id, recipient_department_id, problems, recommendations, state, created_by)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6) RETURNING id, state, version`,
    [d.kind, d.caseId, d.recipientDepartmentId, JSON.stringify(d.problems), JSON.stringify(d.recommendations), d.createdBy],
  );
  return row!;
}

/** Some columns of a letter, or undefined when it is gone. */
export async function letterColumns<K extends 'case_id' | 'recipient_department_id' | 'kind' | 'issued_on' | 'received_on'>(
  m: SqlRunner,
  id: string,
  columns: readonly K[],
): Promise<RowOf<'liaison_letters', K> | undefined> {
  const [row] = await rawRows<RowOf<'liaison_letters', K>>(m, `SELECT ${columns.join(', ')} FROM liaison_letters WHERE id = $1`, [id]);
  return row;
}

/** The name of a department, or undefined. */
export async function departmentName(m: SqlRunner, departmentId: number): Promise<string | undefined> {
  const [row] = await rawRows<RowOf<'departments', 'name'>>(m, 'SELECT name FROM departments WHERE id = $1', [departmentId]);
  return row?.name;
}

/** What an issued letter names: its recipient department and, from a case, the case number. */
export async function issueContext(m: SqlRunner, recipientDepartmentId: number, caseId: string | null) {
  const [row] = await rawRows<{ recipient: Row<'departments'>['name']; case_number: Row<'cases'>['case_number'] | null }>(
    m,
    `SELECT d.name AS recipient, c.case_number FROM departments d LEFT JOIN cases c ON c.id = $2 WHERE d.id = $1`,
    [recipientDepartmentId, caseId],
  );
  return row;
}

/** The respondent of a case (the default recipient of its letters), or undefined when the case is unknown. */
export async function caseRespondent(m: SqlRunner, caseId: string) {
  const [row] = await rawRows<RowOf<'cases', 'respondent_department_id'>>(m, 'SELECT respondent_department_id FROM cases WHERE id = $1', [
    caseId,
  ]);
  return row;
}

/** Whether a department exists. */
export async function departmentExists(m: SqlRunner, departmentId: number): Promise<boolean> {
  return (await rawRows<{ '?column?': number }>(m, 'SELECT 1 FROM departments WHERE id = $1', [departmentId])).length > 0;
}
