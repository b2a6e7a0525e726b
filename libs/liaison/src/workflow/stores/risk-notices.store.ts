import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { Camel } from './camel';

/**
 * Reads of the risk-notice aggregate (liaison_risk_notices with its recipients and links), typed through the generated
 * schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
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

/** A notice's recipients by department id, each overdue when unanswered past its due date as of `today`. */
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
