import { rawRows, type Row, type SqlRunner } from '@fuyi/platform';

/**
 * The liaison clocks' reminders (liaison_reminders: one row per subject and milestone) and the open items they watch,
 * claimed for the scan with FOR UPDATE … SKIP LOCKED (two workers never take the same one). Typed through the generated
 * schema (issue 19 item 2); every function runs in the caller's transaction (`m`).
 */

export type OpenKind = 'notice-recipient' | 'letter' | 'lawsuit-defence';

/** An open item with a due date: what it is, when it is due, how a reminder names it, its case. */
export interface OpenItem {
  kind: OpenKind;
  id: string;
  due: Row<'liaison_notice_recipients'>['due_on'] & string;
  label: string;
  case_id: Row<'liaison_letters'>['case_id'];
}

/** Unanswered recipients of sent risk notices due by `horizon`, not yet reminded as overdue; locked, soonest first. */
export function claimDueNoticeRecipients(m: SqlRunner, horizon: string, limit: number): Promise<OpenItem[]> {
  return rawRows<OpenItem>(
    m,
    `SELECT 'notice-recipient' AS kind, r.id, r.due_on AS due, n.title || '（' || d.name || '）' AS label, NULL AS case_id
       FROM liaison_notice_recipients r JOIN liaison_risk_notices n ON n.id = r.notice_id JOIN departments d ON d.id = r.department_id
      WHERE r.response_on IS NULL AND r.due_on <= $1 AND n.state IN ('sent', 'acknowledged')
        AND NOT EXISTS (SELECT 1 FROM liaison_reminders x WHERE x.subject_kind = 'notice-recipient' AND x.subject_id = r.id AND x.milestone = 'overdue')
      ORDER BY r.due_on LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
    [horizon, limit],
  );
}

/** Received opinion letters whose feedback (ARL 76) is due by `horizon`, not yet reminded as overdue; locked, soonest first. */
export function claimDueLetters(m: SqlRunner, horizon: string, limit: number): Promise<OpenItem[]> {
  return rawRows<OpenItem>(
    m,
    `SELECT 'letter' AS kind, l.id, l.feedback_due AS due, '致' || d.name || '的行政复议意见书' AS label, l.case_id
       FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id
      WHERE l.state = 'received' AND l.feedback_due <= $1
        AND NOT EXISTS (SELECT 1 FROM liaison_reminders x WHERE x.subject_kind = 'letter' AND x.subject_id = l.id AND x.milestone = 'overdue')
      ORDER BY l.feedback_due LIMIT $2 FOR UPDATE OF l SKIP LOCKED`,
    [horizon, limit],
  );
}

/**
 * ALL 67: defences of lawsuits still in first instance, not yet submitted, due by `horizon`, not yet reminded as
 * overdue; locked, soonest first.
 */
export function claimDueDefences(m: SqlRunner, horizon: string, limit: number): Promise<OpenItem[]> {
  return rawRows<OpenItem>(
    m,
    `SELECT 'lawsuit-defence' AS kind, l.id, l.defence_due AS due, l.court_case_number || '（被告：' || coalesce(d.name, rd.name, '区人民政府') || '）' AS label, l.case_id
       FROM liaison_lawsuits l LEFT JOIN departments d ON d.id = l.defendant_department_id
       LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN departments rd ON rd.id = c.respondent_department_id
      WHERE l.defence_submitted_on IS NULL AND l.defence_due <= $1 AND l.judgment_kind IS NULL
        AND NOT EXISTS (SELECT 1 FROM liaison_reminders x WHERE x.subject_kind = 'lawsuit-defence' AND x.subject_id = l.id AND x.milestone = 'overdue')
      ORDER BY l.defence_due LIMIT $2 FOR UPDATE OF l SKIP LOCKED`,
    [horizon, limit],
  );
}

/** Records each (subject, milestone) once (a repeat inserts nothing); returns the ones recorded now. */
export function recordReminders<M extends string>(
  m: SqlRunner,
  items: ReadonlyArray<{ kind: OpenKind; id: string; milestone: M }>,
  firedAt: Date,
): Promise<Array<{ subject_kind: OpenKind; subject_id: string; milestone: M }>> {
  return rawRows<{ subject_kind: OpenKind; subject_id: string; milestone: M }>(
    m,
    `INSERT INTO liaison_reminders (subject_kind, subject_id, milestone, fired_at)
     SELECT k, i, ms, $4 FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t(k, i, ms)
     ON CONFLICT DO NOTHING RETURNING subject_kind, subject_id, milestone`,
    [items.map((x) => x.kind), items.map((x) => x.id), items.map((x) => x.milestone), firedAt],
  );
}
