import { rawExec, rawRows, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The liaison due dates a calendar change may move: notice responses (liaison_notice_recipients), opinion-letter
 * feedback (liaison_letters) and lawsuit defences (liaison_lawsuits). Reads lock the rows they return (FOR UPDATE), in
 * id order; writes set the new due dates as a set. Every function runs in the transaction of the caller (`m`).
 */

/** A due date moved: the new date, whether provisional, and how it was computed. */
export interface MovedDue {
  id: string;
  due: string;
  provisional: boolean;
  explanation: unknown;
}

/** Open responses of sent notices whose span [due_from, due_on] touches [from, to], locked. */
export function lockOpenNoticeDues(m: SqlRunner, from: string, to: string) {
  return rawRows<
    RowOf<'liaison_notice_recipients', 'id' | 'due_from' | 'due_on' | 'due_provisional'> & RowOf<'liaison_risk_notices', 'response_days'>
  >(
    m,
    `SELECT r.id, r.due_from, r.due_on, r.due_provisional, n.response_days FROM liaison_notice_recipients r JOIN liaison_risk_notices n ON n.id = r.notice_id
      WHERE r.response_on IS NULL AND r.due_on IS NOT NULL AND n.state IN ('sent', 'acknowledged') AND r.due_from <= $2 AND r.due_on >= $1
      ORDER BY r.id FOR UPDATE OF r`,
    [from, to],
  );
}

/** Received letters awaiting feedback whose span [received_on, feedback_due] touches [from, to], locked. */
export function lockOpenFeedbackDues(m: SqlRunner, from: string, to: string) {
  return rawRows<RowOf<'liaison_letters', 'id' | 'received_on' | 'feedback_due' | 'feedback_due_provisional'>>(
    m,
    `SELECT id, received_on, feedback_due, feedback_due_provisional FROM liaison_letters
      WHERE state = 'received' AND feedback_due IS NOT NULL AND received_on <= $2 AND feedback_due >= $1 ORDER BY id FOR UPDATE`,
    [from, to],
  );
}

/** Lawsuits awaiting their defence whose span [complaint_received_on, defence_due] touches [from, to], locked. */
export function lockOpenDefenceDues(m: SqlRunner, from: string, to: string) {
  return rawRows<RowOf<'liaison_lawsuits', 'id' | 'complaint_received_on' | 'defence_due' | 'defence_due_provisional'>>(
    m,
    `SELECT id, complaint_received_on, defence_due, defence_due_provisional FROM liaison_lawsuits
      WHERE defence_submitted_on IS NULL AND defence_due IS NOT NULL AND complaint_received_on <= $2 AND defence_due >= $1 ORDER BY id FOR UPDATE`,
    [from, to],
  );
}

const arrays = (moved: readonly MovedDue[]) => [
  moved.map((x) => x.id),
  moved.map((x) => x.due),
  moved.map((x) => x.provisional),
  moved.map((x) => JSON.stringify(x.explanation)),
];

/** New response due dates of notice recipients. */
export async function moveNoticeDues(m: SqlRunner, moved: readonly MovedDue[]): Promise<void> {
  if (!moved.length) return;
  await rawExec(
    m,
    `UPDATE liaison_notice_recipients t SET due_on = u.due, due_provisional = u.prov, due_explanation = u.expl
       FROM unnest($1::uuid[], $2::date[], $3::boolean[], $4::jsonb[]) AS u(id, due, prov, expl) WHERE t.id = u.id`,
    arrays(moved),
  );
}

/** New feedback due dates of letters. */
export async function moveFeedbackDues(m: SqlRunner, moved: readonly MovedDue[]): Promise<void> {
  if (!moved.length) return;
  await rawExec(
    m,
    `UPDATE liaison_letters t SET feedback_due = u.due, feedback_due_provisional = u.prov, feedback_due_explanation = u.expl
       FROM unnest($1::uuid[], $2::date[], $3::boolean[], $4::jsonb[]) AS u(id, due, prov, expl) WHERE t.id = u.id`,
    arrays(moved),
  );
}

/** New defence due dates of lawsuits. */
export async function moveDefenceDues(m: SqlRunner, moved: readonly MovedDue[]): Promise<void> {
  if (!moved.length) return;
  await rawExec(
    m,
    `UPDATE liaison_lawsuits t SET defence_due = u.due, defence_due_provisional = u.prov, defence_due_explanation = u.expl
       FROM unnest($1::uuid[], $2::date[], $3::boolean[], $4::jsonb[]) AS u(id, due, prov, expl) WHERE t.id = u.id`,
    arrays(moved),
  );
}
