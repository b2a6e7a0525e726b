import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { Camel } from './camel';

/**
 * Reads of the risk-notice aggregate (liaison_risk_notices with its recipients and links), typed through the generated
 * schema (issue 19 item 2). Every function runs in the transaction of the caller (`m`).
 */

export type NoticeRow = Camel<
  RowOf<
    'liaison_risk_notices',
    | 'id'
    | 'title'
    | 'summary'
    | 'reasons'
    | 'suggestions'
    | 'response_days'
    | 'state'
    | 'version'
    | 'rejection_note'
    | 'sent_on'
    | 'closed_on'
    | 'closing_note'
    | 'created_at'
    | 'cluster_id'
  >
>;

/** A risk notice, or undefined. */
export async function notice(m: SqlRunner, id: string): Promise<NoticeRow | undefined> {
  const [row] = await rawRows<NoticeRow>(
    m,
    `SELECT id, title, summary, reasons, suggestions, response_days AS "responseDays", state, version, rejection_note AS "rejectionNote",
            sent_on AS "sentOn", closed_on AS "closedOn", closing_note AS "closingNote", created_at AS "createdAt", cluster_id AS "clusterId"
       FROM liaison_risk_notices WHERE id = $1`,
    [id],
  );
  return row;
}

export type RecipientRow = Camel<
  RowOf<
    'liaison_notice_recipients',
    | 'department_id'
    | 'sent_on'
    | 'due_from'
    | 'due_on'
    | 'due_provisional'
    | 'due_explanation'
    | 'acknowledged_on'
    | 'response_on'
    | 'response'
  >
> & { department: Row<'departments'>['name']; overdue: boolean | null };

/** The recipients of a notice by department id, each overdue when unanswered past its due date as of `today`. */
export function recipients(m: SqlRunner, noticeId: string, today: string): Promise<RecipientRow[]> {
  return rawRows<RecipientRow>(
    m,
    `SELECT r.department_id AS "departmentId", d.name AS department, r.sent_on AS "sentOn", r.due_from AS "dueFrom", r.due_on AS "dueOn", r.due_provisional AS "dueProvisional",
            r.due_explanation AS "dueExplanation",
            r.acknowledged_on AS "acknowledgedOn", r.response_on AS "responseOn", r.response,
            (r.response_on IS NULL AND r.due_on < $2) AS overdue
       FROM liaison_notice_recipients r JOIN departments d ON d.id = r.department_id WHERE r.notice_id = $1 ORDER BY d.id`,
    [noticeId, today],
  );
}

export type LinkRow = {
  kind: Row<'liaison_notice_links'>['subject_kind'];
  id: Row<'liaison_notice_links'>['subject_id'];
  caseNumber: Row<'cases'>['case_number'] | null;
};

/** What a notice is about: cases (with their numbers) and other subjects. */
export function links(m: SqlRunner, noticeId: string): Promise<LinkRow[]> {
  return rawRows<LinkRow>(
    m,
    `SELECT l.subject_kind AS kind, l.subject_id AS id, c.case_number AS "caseNumber"
       FROM liaison_notice_links l LEFT JOIN cases c ON l.subject_kind = 'case' AND c.id = l.subject_id WHERE l.notice_id = $1`,
    [noticeId],
  );
}

export type NoticeListRow = RowOf<'liaison_risk_notices', 'created_at' | 'id' | 'title' | 'state' | 'version'> &
  Camel<RowOf<'liaison_risk_notices', 'sent_on'>> & {
    nextDue: Row<'liaison_notice_recipients'>['due_on'];
    dueProvisional: boolean;
    recipients: number;
    responded: number;
  };

/** Newest first, in one state or all, after a keyset position (created_at, id), `limit` rows. */
export function noticeList(
  m: SqlRunner,
  state: string | null,
  limit: number,
  after: { at: string; id: string } | null,
): Promise<NoticeListRow[]> {
  return rawRows<NoticeListRow>(
    m,
    `SELECT n.created_at, n.id, n.title, n.state, n.version, n.sent_on AS "sentOn", min(r.due_on) FILTER (WHERE r.response_on IS NULL) AS "nextDue",
            coalesce(bool_or(r.due_provisional) FILTER (WHERE r.response_on IS NULL), false) AS "dueProvisional", count(r.*)::int AS recipients, count(r.response_on)::int AS responded
       FROM liaison_risk_notices n LEFT JOIN liaison_notice_recipients r ON r.notice_id = n.id
      WHERE ($1::text IS NULL OR n.state = $1) AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', n.created_at), n.id) < ($3::timestamptz, $4::uuid))
      GROUP BY n.id ORDER BY date_trunc('milliseconds', n.created_at) DESC, n.id DESC LIMIT $2`,
    [state, limit, after?.at ?? null, after?.id ?? null],
  );
}

/** Tables a draft refers to (read only). */
export type ReferencedTable = 'departments' | 'cases' | 'consultations';

/** How many of `ids` exist in `among` (the references a draft names). */
export async function countExisting(
  m: SqlRunner,
  among: ReferencedTable,
  ids: readonly (number | string)[],
): Promise<number> {
  const cast = among === 'departments' ? 'int' : 'uuid';
  const [row] = await rawRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM ${among} WHERE id = ANY($1::${cast}[])`, [[...ids]]);
  return row!.n;
}

/** Replaces the recipients (not yet sent) and links of a draft as a whole. */
export async function replaceDraftParts(
  m: SqlRunner,
  noticeId: string,
  departmentIds: readonly number[],
  links: ReadonlyArray<readonly [kind: string, id: string]>,
): Promise<void> {
  await rawExec(m, 'DELETE FROM liaison_notice_recipients WHERE notice_id = $1', [noticeId]);
  await rawExec(m, 'DELETE FROM liaison_notice_links WHERE notice_id = $1', [noticeId]);
  await rawExec(m, `INSERT INTO liaison_notice_recipients (notice_id, department_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [
    noticeId,
    [...departmentIds],
  ]);
  if (links.length) {
    await rawExec(
      m,
      `INSERT INTO liaison_notice_links (notice_id, subject_kind, subject_id)
       SELECT $1, k, i FROM unnest($2::text[], $3::uuid[]) AS t(k, i) ON CONFLICT DO NOTHING`,
      [noticeId, links.map((l) => l[0]), links.map((l) => l[1])],
    );
  }
}

/** A new draft notice; returns its id, state and version. */
export async function insertDraft(
  m: SqlRunner,
  d: {
    title: string;
    summary: string;
    reasons: string[];
    suggestions: string[];
    responseDays: number;
    createdBy: string;
    clusterId: string | null;
  },
) {
  const [row] = await rawRows<RowOf<'liaison_risk_notices', 'id' | 'state' | 'version'>>(
    m,
    `INSERT INTO liaison_risk_notices (title, summary, reasons, suggestions, response_days, state, created_by, cluster_id)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7) RETURNING id, state, version`,
    [d.title, d.summary, JSON.stringify(d.reasons), JSON.stringify(d.suggestions), d.responseDays, d.createdBy, d.clusterId],
  );
  return row!;
}

/** A response due date with how it was computed (due-dates.ts). */
export interface DueOn {
  due: string;
  provisional: boolean;
  explanation: unknown;
}

/** Sends to every recipient on `today` with its due date; returns the recipients' department names. */
export async function sendToRecipients(m: SqlRunner, noticeId: string, today: string, due: DueOn): Promise<string[]> {
  const rows = await rawRows<RowOf<'departments', 'name'>>(
    m,
    `UPDATE liaison_notice_recipients r SET sent_on = $2, due_from = $2, due_on = $3, due_provisional = $4, due_explanation = $5 FROM departments d
      WHERE r.notice_id = $1 AND d.id = r.department_id RETURNING d.name`,
    [noticeId, today, due.due, due.provisional, JSON.stringify(due.explanation)],
  );
  return rows.map((r) => r.name);
}

/** State and version of the notice, its row locked (FOR UPDATE) for a recipient step; undefined when it is gone. */
export async function lockStateAndVersion(m: SqlRunner, id: string) {
  const [row] = await rawRows<RowOf<'liaison_risk_notices', 'state' | 'version'>>(
    m,
    'SELECT state, version FROM liaison_risk_notices WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row;
}

/** When the notice was sent to one department; undefined when that department is not a recipient. */
export async function recipientSentOn(m: SqlRunner, noticeId: string, departmentId: number) {
  const [row] = await rawRows<RowOf<'liaison_notice_recipients', 'sent_on'>>(
    m,
    'SELECT sent_on FROM liaison_notice_recipients WHERE notice_id = $1 AND department_id = $2',
    [noticeId, departmentId],
  );
  return row;
}

/** 签收 by one department, if not yet acknowledged; returns how many rows changed (0 or 1). */
export async function acknowledgeRecipient(m: SqlRunner, noticeId: string, departmentId: number, on: string): Promise<number> {
  return rawExec(
    m,
    `UPDATE liaison_notice_recipients SET acknowledged_on = $3 WHERE notice_id = $1 AND department_id = $2 AND acknowledged_on IS NULL RETURNING id`,
    [noticeId, departmentId, on],
  );
}

/** The written response of one department (its acknowledgement too when none was recorded), if not yet answered; rows changed. */
export async function recordRecipientResponse(
  m: SqlRunner,
  noticeId: string,
  departmentId: number,
  on: string,
  response: string,
): Promise<number> {
  return rawExec(
    m,
    `UPDATE liaison_notice_recipients SET response_on = $3, response = $4, acknowledged_on = coalesce(acknowledged_on, $3)
      WHERE notice_id = $1 AND department_id = $2 AND response_on IS NULL RETURNING id`,
    [noticeId, departmentId, on, response],
  );
}

/** Whether every recipient has acknowledged, and whether every one has responded. */
export async function recipientProgress(
  m: SqlRunner,
  noticeId: string,
): Promise<{ allAcknowledged: boolean | null; allResponded: boolean | null }> {
  const [row] = await rawRows<{ allAcknowledged: boolean | null; allResponded: boolean | null }>(
    m,
    `SELECT bool_and(acknowledged_on IS NOT NULL) AS "allAcknowledged", bool_and(response_on IS NOT NULL) AS "allResponded"
       FROM liaison_notice_recipients WHERE notice_id = $1`,
    [noticeId],
  );
  return row!;
}

/** The working days a notice gives to respond. */
export async function responseDays(m: SqlRunner, id: string): Promise<number> {
  const [row] = await rawRows<RowOf<'liaison_risk_notices', 'response_days'>>(
    m,
    'SELECT response_days FROM liaison_risk_notices WHERE id = $1',
    [id],
  );
  return row!.response_days;
}

/** Restarts the due date of one unanswered recipient from the day it received the notice. */
export async function restartRecipientDue(
  m: SqlRunner,
  noticeId: string,
  departmentId: number,
  receivedOn: string,
  due: DueOn,
): Promise<void> {
  await rawExec(
    m,
    `UPDATE liaison_notice_recipients SET due_from = $3, due_on = $4, due_provisional = $5, due_explanation = $6
      WHERE notice_id = $1 AND department_id = $2 AND response_on IS NULL`,
    [noticeId, departmentId, receivedOn, due.due, due.provisional, JSON.stringify(due.explanation)],
  );
}
