import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { Camel } from './camel';

/**
 * Reads of the liaison desk and its figures (issue 6 item 5, issue 16 item 5) and of the annual figures (domain.md
 * section 8), typed through the generated schema (issue 19 item 2). The desk conditions (services/liaison-view.service.ts)
 * are SQL over the aliases each statement names (n, r; l, d; l, dd), with $1 today and `params` bound after it.
 */

export type DeskNoticeRow = RowOf<'liaison_risk_notices', 'id' | 'title' | 'state' | 'version'> &
  Camel<RowOf<'liaison_risk_notices', 'sent_on'>> & {
    nextDue: Row<'liaison_notice_recipients'>['due_on'];
    dueProvisional: boolean;
    overdueDepartments: number;
    awaitingDepartments: number;
  };

/** Risk notices matching `where`, soonest next due first, up to $2 rows. */
export function deskNotices(m: SqlRunner, where: string, params: unknown[]): Promise<DeskNoticeRow[]> {
  return rawRows<DeskNoticeRow>(
    m,
    `SELECT n.id, n.title, n.state, n.version, n.sent_on AS "sentOn",
            min(r.due_on) FILTER (WHERE r.response_on IS NULL) AS "nextDue",
            coalesce(bool_or(r.due_provisional) FILTER (WHERE r.response_on IS NULL), false) AS "dueProvisional",
            count(*) FILTER (WHERE r.response_on IS NULL AND r.due_on < $1)::int AS "overdueDepartments",
            count(r.id) FILTER (WHERE r.response_on IS NULL)::int AS "awaitingDepartments"
       FROM liaison_risk_notices n LEFT JOIN liaison_notice_recipients r ON r.notice_id = n.id
      WHERE ${where} GROUP BY n.id ORDER BY "nextDue" NULLS LAST, n.updated_at LIMIT $2`,
    params,
  );
}

export type DeskLetterRow = RowOf<'liaison_letters', 'id' | 'kind' | 'state' | 'version'> &
  Camel<RowOf<'liaison_letters', 'case_id' | 'received_on' | 'feedback_due' | 'feedback_due_provisional' | 'escalated_at'>> & {
    caseNumber: Row<'cases'>['case_number'] | null;
    recipient: Row<'departments'>['name'];
    overdue: boolean | null;
  };

/** Letters matching `where`, soonest feedback due first, up to $2 rows. */
export function deskLetters(m: SqlRunner, where: string, params: unknown[]): Promise<DeskLetterRow[]> {
  return rawRows<DeskLetterRow>(
    m,
    `SELECT l.id, l.kind, l.state, l.version, l.case_id AS "caseId", c.case_number AS "caseNumber", d.name AS recipient,
            l.received_on AS "receivedOn", l.feedback_due AS "feedbackDue", l.feedback_due_provisional AS "feedbackDueProvisional", (l.feedback_due < $1) AS overdue, l.escalated_at AS "escalatedAt"
       FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id LEFT JOIN cases c ON c.id = l.case_id
      WHERE ${where} ORDER BY l.feedback_due NULLS LAST, l.created_at LIMIT $2`,
    params,
  );
}

export type LawsuitWindowCaseRow = {
  caseId: Row<'cases'>['id'];
  caseNumber: Row<'cases'>['case_number'];
  servedOn: Row<'case_clocks'>['start_date'];
  lawsuitDue: Row<'case_clocks'>['due_date'];
  decisionType: string | null;
  coDefendantIfSued: boolean | null;
};

/**
 * ALL 45: served cases whose 15-day window is still open on `today` and no lawsuit recorded yet, soonest due first.
 */
export function casesInLawsuitWindow(m: SqlRunner, today: string, limit: number): Promise<LawsuitWindowCaseRow[]> {
  return rawRows<LawsuitWindowCaseRow>(
    m,
    `SELECT c.id AS "caseId", c.case_number AS "caseNumber", k.start_date AS "servedOn", k.due_date AS "lawsuitDue",
            c.decision->>'type' AS "decisionType", (c.decision->>'type' IN ('uphold', 'reject_request')) AS "coDefendantIfSued"
       FROM case_clocks k JOIN cases c ON c.id = k.case_id
      WHERE k.rule = 'lawsuit' AND k.status = 'running' AND k.due_date >= $1
        AND NOT EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = c.id)
      ORDER BY k.due_date LIMIT $2`,
    [today, limit],
  );
}

export type DeskLawsuitRow = RowOf<'liaison_lawsuits', 'id' | 'court' | 'origin'> &
  Camel<
    RowOf<'liaison_lawsuits', 'case_id' | 'court_case_number' | 'filed_on' | 'co_defendant' | 'head_appeared' | 'defence_due_provisional'>
  > & {
    caseNumber: Row<'cases'>['case_number'] | null;
    nextHearing: string | null;
    defendant: string | null;
    defenceDue: Row<'liaison_lawsuits'>['defence_due'];
    defenceOverdue: boolean | null;
  };

/** Lawsuits matching `where`, by filing date, up to $2 rows. */
export function deskLawsuits(m: SqlRunner, where: string, params: unknown[]): Promise<DeskLawsuitRow[]> {
  return rawRows<DeskLawsuitRow>(
    m,
    `SELECT l.id, l.case_id AS "caseId", c.case_number AS "caseNumber", l.court, l.court_case_number AS "courtCaseNumber",
            l.filed_on AS "filedOn", l.co_defendant AS "coDefendant", l.head_appeared AS "headAppeared",
            (SELECT min(h->>'heldOn') FROM jsonb_array_elements(l.hearings) h WHERE h->>'heldOn' >= $1) AS "nextHearing",
            l.origin, CASE WHEN l.origin = 'direct' THEN coalesce(dd.name, '区人民政府') END AS defendant,
            CASE WHEN l.defence_submitted_on IS NULL THEN l.defence_due END AS "defenceDue",
            l.defence_due_provisional AS "defenceDueProvisional", (l.defence_submitted_on IS NULL AND l.defence_due < $1::date) AS "defenceOverdue"
       FROM liaison_lawsuits l LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN departments dd ON dd.id = l.defendant_department_id
      WHERE ${where} ORDER BY l.filed_on LIMIT $2`,
    params,
  );
}

/** Counts in one statement: each of `counts` (alias → a count expression over the desk conditions). */
export async function deskCounts<K extends string>(m: SqlRunner, counts: Record<K, string>, params: unknown[]): Promise<Record<K, number>> {
  const [row] = await rawRows<Record<K, number>>(
    m,
    `SELECT ${Object.entries<string>(counts)
      .map(([k, expr]) => `${expr} AS "${k}"`)
      .join(', ')}`,
    params,
  );
  return row!;
}

/** Accepted cases concluded (审结): decided (served or not, archived), terminated or mediated. */
const CLOSED_CASE_STATES = ['decided', 'served', 'archived', 'terminated', 'mediated'];
export const PERIOD_FIELDS = [
  'notices',
  'notice_recipients',
  'notices_answered_on_time',
  'opinion_letters',
  'suggestion_letters',
  'feedback_on_time',
  'feedback_late',
  'lawsuits',
  'direct_lawsuits',
  'defences_on_time',
  'defences_late',
  'co_defendant',
  'heard',
  'head_appeared',
  'court_hearings',
  'court_hearings_head_appeared',
  'judged',
  'judgments_upholding',
  'closed_cases',
  'group_disputes',
] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];

/** $1..$2 period, $3 today, $4 upholding judgments, $5 court hearing kinds, $6 closed case states. */
const PERIOD_FIGURES = `WITH n AS (
    SELECT department_id AS dep, count(DISTINCT notice_id)::int AS notices, count(*)::int AS notice_recipients,
           count(*) FILTER (WHERE response_on <= due_on)::int AS notices_answered_on_time
      FROM liaison_notice_recipients WHERE sent_on BETWEEN $1::date AND $2::date GROUP BY 1),
  l AS (
    SELECT recipient_department_id AS dep, count(*) FILTER (WHERE kind = 'opinion')::int AS opinion_letters,
           count(*) FILTER (WHERE kind = 'suggestion')::int AS suggestion_letters,
           count(*) FILTER (WHERE feedback_due IS NOT NULL AND feedback_on <= feedback_due)::int AS feedback_on_time,
           count(*) FILTER (WHERE feedback_due < $3::date AND (feedback_on IS NULL OR feedback_on > feedback_due))::int AS feedback_late
      FROM liaison_letters WHERE issued_on BETWEEN $1 AND $2 GROUP BY 1),
  h AS (
    SELECT x.id, (e->>'headAppeared')::boolean AS head
      FROM liaison_lawsuits x CROSS JOIN LATERAL jsonb_array_elements(x.hearings) e
     WHERE x.filed_on BETWEEN $1 AND $2 AND e->>'kind' = ANY($5::text[]) AND (e->>'heldOn')::date <= $3::date),
  s AS (
    -- A case's lawsuit counts for the case's respondent; a direct suit for its defendant (NULL: the district government).
    SELECT coalesce(x.defendant_department_id, c.respondent_department_id) AS dep, count(*)::int AS lawsuits,
           count(*) FILTER (WHERE x.origin = 'direct')::int AS direct_lawsuits, count(*) FILTER (WHERE x.co_defendant)::int AS co_defendant,
           count(*) FILTER (WHERE x.defence_submitted_on <= x.defence_due)::int AS defences_on_time,
           count(*) FILTER (WHERE x.defence_due < $3::date AND (x.defence_submitted_on IS NULL OR x.defence_submitted_on > x.defence_due))::int AS defences_late,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM h WHERE h.id = x.id))::int AS heard,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM h WHERE h.id = x.id AND h.head))::int AS head_appeared,
           coalesce(sum((SELECT count(*) FROM h WHERE h.id = x.id)), 0)::int AS court_hearings,
           coalesce(sum((SELECT count(*) FROM h WHERE h.id = x.id AND h.head)), 0)::int AS court_hearings_head_appeared,
           count(*) FILTER (WHERE x.judgment_kind IS NOT NULL)::int AS judged,
           count(*) FILTER (WHERE x.judgment_kind = ANY($4::text[]))::int AS judgments_upholding
      FROM liaison_lawsuits x LEFT JOIN cases c ON c.id = x.case_id WHERE x.filed_on BETWEEN $1 AND $2 GROUP BY 1),
  c AS (
    SELECT respondent_department_id AS dep, count(*)::int AS closed_cases FROM cases
     WHERE state = ANY($6::text[]) AND coalesce(decision->>'decidedOn', closure->>'on')::date BETWEEN $1::date AND $2::date GROUP BY 1),
  g AS (
    -- Group disputes found in the period (domain of libs/liaison/src/clusters); dismissed and merged ones are not groups.
    SELECT respondent_department_id AS dep, count(*)::int AS group_disputes FROM group_disputes
     WHERE first_on BETWEEN $1::date AND $2::date AND state <> 'dismissed' AND merged_into IS NULL GROUP BY 1)`;

/** Period parameters: $1..$2 period, $3 today, $4 upholding judgments, $5 court hearing kinds, $6 closed case states. */
export interface PeriodParams {
  from: string;
  to: string;
  today: string;
  upholdingJudgments: readonly string[];
  courtHearingKinds: readonly string[];
}
const periodArgs = (p: PeriodParams) => [p.from, p.to, p.today, [...p.upholdingJudgments], [...p.courtHearingKinds], CLOSED_CASE_STATES];

export type PeriodRow = { departmentId: Row<'departments'>['id'] | null; department: Row<'departments'>['name'] } & {
  [F in PeriodField]?: number | null;
};

/** The period figures of every department with any liaison figure, by department id. */
export function periodFiguresByDepartment(m: SqlRunner, p: PeriodParams): Promise<PeriodRow[]> {
  return rawRows<PeriodRow>(
    m,
    `${PERIOD_FIGURES}
     SELECT d.id AS "departmentId", d.name AS department, n.*, l.*, s.*, c.*, g.*
       FROM departments d LEFT JOIN n ON n.dep = d.id LEFT JOIN l ON l.dep = d.id LEFT JOIN s ON s.dep = d.id
            LEFT JOIN c ON c.dep = d.id LEFT JOIN g ON g.dep = d.id
      WHERE n.dep IS NOT NULL OR l.dep IS NOT NULL OR s.dep IS NOT NULL OR g.dep IS NOT NULL ORDER BY d.id`,
    periodArgs(p),
  );
}

/**
 * Totals over every department (closed cases of departments with no liaison figures included); a notice sent to
 * three departments is one notice.
 */
export async function periodTotals(m: SqlRunner, p: PeriodParams): Promise<{ notices: number; closed_cases: number | null }> {
  const [row] = await rawRows<{ notices: number; closed_cases: number | null }>(
    m,
    `${PERIOD_FIGURES}
     SELECT (SELECT count(DISTINCT notice_id)::int FROM liaison_notice_recipients WHERE sent_on BETWEEN $1::date AND $2::date) AS notices,
            (SELECT sum(closed_cases)::int FROM c) AS closed_cases`,
    periodArgs(p),
  );
  return row!;
}

/** Suits against the district government itself (without a department): its line, or undefined. */
export async function governmentPeriodFigures(m: SqlRunner, p: PeriodParams): Promise<PeriodRow | undefined> {
  const [row] = await rawRows<PeriodRow>(
    m,
    `${PERIOD_FIGURES} SELECT NULL::int AS "departmentId", '区人民政府' AS department, s.* FROM s WHERE s.dep IS NULL`,
    periodArgs(p),
  );
  return row;
}
