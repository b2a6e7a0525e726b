import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TimeSource } from '@fuyi/platform';
import { weekEndOf } from '@fuyi/cases';
import { ClusterQueries } from '../../clusters';
import { LETTER_STATE_LABELS, type LetterState } from '../domain/letter-state';
import { COURT_HEARING_KINDS, JUDGMENT_KINDS } from '../domain/litigation';
import {
  ACTIONABLE_LETTER_STATES, ACTIONABLE_NOTICE_STATES, OFFICER_LETTER_STATES, OFFICER_NOTICE_STATES, letterNextStep, noticeNextStep,
} from '../domain/next-steps';
import { NOTICE_STATE_LABELS, type NoticeState } from '../domain/risk-notice-state';
import { LiaisonErrors } from './liaison-errors';
import { todayOf } from './today';

/** The liaison desk's filters (issue 16 item 5): each home figure of a liaison officer opens the desk with one. */
export const LIAISON_DUE = ['overdue', 'thisWeek'] as const;
export type LiaisonDue = (typeof LIAISON_DUE)[number];
export interface LiaisonViewFilter {
  /** overdue: a department's answer (notice), feedback (letter) or the defence (lawsuit) is past its due date; thisWeek: due today to Sunday. */
  due?: LiaisonDue;
  /** officer: notices and letters whose next step is the liaison officer's, and the open group-dispute alerts. */
  waiting?: 'officer';
}

/**
 * The conditions of each list of the desk, one place for the list and its count (a figure cannot disagree with the
 * list it opens). $1 is today in every statement that uses them; anything else is bound through `bind`.
 */
type Bind = (v: unknown) => string;
const dueOn = (col: string, due: LiaisonDue, bind: Bind, weekEnd: string) => (due === 'overdue' ? `${col} < $1::date` : `${col} BETWEEN $1::date AND ${bind(weekEnd)}::date`);
function noticeWhere(f: LiaisonViewFilter, bind: Bind, weekEnd: string): string {
  const w = [`n.state = ANY(${bind(ACTIONABLE_NOTICE_STATES)}::text[])`];
  if (f.due) w.push(`EXISTS (SELECT 1 FROM liaison_notice_recipients x WHERE x.notice_id = n.id AND x.response_on IS NULL AND ${dueOn('x.due_on', f.due, bind, weekEnd)})`);
  if (f.waiting) w.push(`n.state = ANY(${bind(OFFICER_NOTICE_STATES)}::text[])`);
  return w.join(' AND ');
}
function letterWhere(f: LiaisonViewFilter, bind: Bind, weekEnd: string): string {
  const w = [`l.state = ANY(${bind(ACTIONABLE_LETTER_STATES)}::text[])`];
  if (f.due) w.push(`l.feedback_on IS NULL AND ${dueOn('l.feedback_due', f.due, bind, weekEnd)}`);
  if (f.waiting) w.push(`l.state = ANY(${bind(OFFICER_LETTER_STATES)}::text[])`);
  return w.join(' AND ');
}
function lawsuitWhere(f: LiaisonViewFilter, bind: Bind, weekEnd: string): string {
  const w = ['l.judgment_kind IS NULL'];
  if (f.due) w.push(`l.defence_submitted_on IS NULL AND ${dueOn('l.defence_due', f.due, bind, weekEnd)}`);
  // Lawsuits have no waiting-for in the desk: their deadline (the defence) is what the due filters count.
  if (f.waiting) w.push('false');
  return w.join(' AND ');
}
const binder = (params: unknown[]): Bind => (v) => `$${params.push(v)}`;

export const LIAISON_FIGURE_KEYS = ['liaisonOverdue', 'liaisonDueThisWeek', 'liaisonAwaitingMe'] as const;
export type LiaisonFigureKey = (typeof LIAISON_FIGURE_KEYS)[number];
const LIAISON_FIGURES: Record<LiaisonFigureKey, { label: string; definition: string }> = {
  liaisonOverdue: {
    label: '已逾期',
    definition: '在办事项中已过期限的件数：有部门逾期未回复的风险提示函、逾期未反馈的意见书（建议书）、逾期未提交答辩状的应诉案件',
  },
  liaisonDueThisWeek: {
    label: '本周到期',
    definition: '在办事项中期限在今天至本周日之间届满的件数：部门回复（风险提示函）、反馈（意见书、建议书）、答辩状（应诉案件）',
  },
  liaisonAwaitingMe: {
    label: '待我处理',
    definition: '下一步由府院联络员办理的风险提示函（发送、办结）和意见书（登记收到、办结），以及未处理的群体性纠纷预警',
  },
};

const UPHOLDING_JUDGMENTS = Object.entries(JUDGMENT_KINDS).filter(([, j]) => j.upholds).map(([k]) => k);
const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

/** The liaison officers' desk (issue #6 item 5) and the figures of the office's annual report (domain.md §8). */
@Injectable()
export class LiaisonViewService {
  constructor(private readonly ds: DataSource, private readonly clusters: ClusterQueries, private readonly time: TimeSource) {}

  async view(limit: number, f: LiaisonViewFilter = {}) {
    const today = todayOf(this.time);
    const weekEnd = weekEndOf(today);
    const filtered = !!(f.due || f.waiting);
    const [np, lp, sp]: unknown[][] = [[today, limit], [today, limit], [today, limit]];
    const [notices, letters, window, inCourt, clusters] = await Promise.all([
      this.ds.query(
        `SELECT n.id, n.title, n.state, n.version, n.sent_on AS "sentOn",
                min(r.due_on) FILTER (WHERE r.response_on IS NULL) AS "nextDue",
                coalesce(bool_or(r.due_provisional) FILTER (WHERE r.response_on IS NULL), false) AS "dueProvisional",
                count(*) FILTER (WHERE r.response_on IS NULL AND r.due_on < $1)::int AS "overdueDepartments",
                count(r.id) FILTER (WHERE r.response_on IS NULL)::int AS "awaitingDepartments"
           FROM liaison_risk_notices n LEFT JOIN liaison_notice_recipients r ON r.notice_id = n.id
          WHERE ${noticeWhere(f, binder(np), weekEnd)} GROUP BY n.id ORDER BY "nextDue" NULLS LAST, n.updated_at LIMIT $2`,
        np,
      ),
      this.ds.query(
        `SELECT l.id, l.kind, l.state, l.version, l.case_id AS "caseId", c.case_number AS "caseNumber", d.name AS recipient,
                l.received_on AS "receivedOn", l.feedback_due AS "feedbackDue", l.feedback_due_provisional AS "feedbackDueProvisional", (l.feedback_due < $1) AS overdue, l.escalated_at AS "escalatedAt"
           FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id LEFT JOIN cases c ON c.id = l.case_id
          WHERE ${letterWhere(f, binder(lp), weekEnd)} ORDER BY l.feedback_due NULLS LAST, l.created_at LIMIT $2`,
        lp,
      ),
      // ALL 45: served cases whose 15-day window is still open and no lawsuit recorded yet (the parties' period, not
      // the office's: no filter counts it).
      filtered ? [] : this.ds.query(
        `SELECT c.id AS "caseId", c.case_number AS "caseNumber", k.start_date AS "servedOn", k.due_date AS "lawsuitDue",
                c.decision->>'type' AS "decisionType", (c.decision->>'type' IN ('uphold', 'reject_request')) AS "coDefendantIfSued"
           FROM case_clocks k JOIN cases c ON c.id = k.case_id
          WHERE k.rule = 'lawsuit' AND k.status = 'running' AND k.due_date >= $1
            AND NOT EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = c.id)
          ORDER BY k.due_date LIMIT $2`,
        [today, limit],
      ),
      this.ds.query(
        `SELECT l.id, l.case_id AS "caseId", c.case_number AS "caseNumber", l.court, l.court_case_number AS "courtCaseNumber",
                l.filed_on AS "filedOn", l.co_defendant AS "coDefendant", l.head_appeared AS "headAppeared",
                (SELECT min(h->>'heldOn') FROM jsonb_array_elements(l.hearings) h WHERE h->>'heldOn' >= $1) AS "nextHearing",
                l.origin, CASE WHEN l.origin = 'direct' THEN coalesce(dd.name, '区人民政府') END AS defendant,
                CASE WHEN l.defence_submitted_on IS NULL THEN l.defence_due END AS "defenceDue",
                l.defence_due_provisional AS "defenceDueProvisional", (l.defence_submitted_on IS NULL AND l.defence_due < $1::date) AS "defenceOverdue"
           FROM liaison_lawsuits l LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN departments dd ON dd.id = l.defendant_department_id
          WHERE ${lawsuitWhere(f, binder(sp), weekEnd)} ORDER BY l.filed_on LIMIT $2`,
        sp,
      ),
      f.due ? [] : this.clusters.openClusters(this.ds, limit),
    ]);
    return {
      today, ...(filtered ? { filter: { ...(f.due ? { due: f.due } : {}), ...(f.waiting ? { waiting: f.waiting } : {}) }, weekEnd } : {}),
      casesInLawsuitWindow: window, casesInCourt: inCourt, openClusters: clusters,
      notices: notices.map((n: any) => ({ ...n, stateLabel: NOTICE_STATE_LABELS[n.state as NoticeState], ...noticeNextStep(n.state) })),
      letters: letters.map((l: any) => ({ ...l, stateLabel: LETTER_STATE_LABELS[l.state as LetterState], ...letterNextStep(l.state, l.kind) })),
    };
  }

  /**
   * A liaison officer's home figures: the rows the desk lists with each filter (risk notices + letters + lawsuits;
   * awaiting me adds the open group-dispute alerts), counted with the desk's own conditions in one statement.
   */
  async figures(): Promise<Array<{ key: LiaisonFigureKey; label: string; definition: string; count: number }>> {
    const today = todayOf(this.time);
    const weekEnd = weekEndOf(today);
    const params: unknown[] = [today];
    const bind = binder(params);
    const count = (table: string, alias: string, where: string) => `(SELECT count(*)::int FROM ${table} ${alias} WHERE ${where})`;
    const lists = (f: LiaisonViewFilter) =>
      [count('liaison_risk_notices', 'n', noticeWhere(f, bind, weekEnd)), count('liaison_letters', 'l', letterWhere(f, bind, weekEnd)),
        count('liaison_lawsuits', 'l', lawsuitWhere(f, bind, weekEnd))].join(' + ');
    const [row] = await this.ds.query(
      `SELECT ${lists({ due: 'overdue' })} AS "liaisonOverdue", ${lists({ due: 'thisWeek' })} AS "liaisonDueThisWeek",
              ${lists({ waiting: 'officer' })} + (SELECT count(*)::int FROM group_disputes WHERE state = 'open') AS "liaisonAwaitingMe"`,
      params,
    );
    return LIAISON_FIGURE_KEYS.map((key) => ({ key, ...LIAISON_FIGURES[key], count: Number(row[key]) }));
  }

  /**
   * The office's annual figures for one period (default: this year up to today), per department (the notice's or
   * letter's recipient, the case's respondent for lawsuits and closed cases, a direct suit's defendant — the district
   * government's own suits on a line of their own — the cluster's respondent) and in total.
   * Lawsuits count by filing date, closed cases by decision/closure date (domain.md §8 sued-after rate: lawsuits filed
   * in the period ÷ cases closed in it). 负责人出庭应诉 counts court hearings (开庭) held, not mediation sessions.
   */
  async stats(fromOn?: string, toOn?: string) {
    const today = todayOf(this.time);
    const from = fromOn ?? `${today.slice(0, 4)}-01-01`;
    const to = toOn ?? today;
    if (from > to) throw LiaisonErrors.invalid('from', '统计期间起始日期不能晚于截止日期');
    const rows: any[] = await this.ds.query(`${PERIOD_FIGURES}
       SELECT d.id AS "departmentId", d.name AS department, n.*, l.*, s.*, c.*, g.*
         FROM departments d LEFT JOIN n ON n.dep = d.id LEFT JOIN l ON l.dep = d.id LEFT JOIN s ON s.dep = d.id
              LEFT JOIN c ON c.dep = d.id LEFT JOIN g ON g.dep = d.id
        WHERE n.dep IS NOT NULL OR l.dep IS NOT NULL OR s.dep IS NOT NULL OR g.dep IS NOT NULL ORDER BY d.id`,
      [from, to, today, UPHOLDING_JUDGMENTS, COURT_HEARING_KINDS, CLOSED_CASE_STATES],
    );
    // Totals over every department (closed cases of departments with no liaison figures included); a notice sent to
    // three departments is one notice.
    const [all] = await this.ds.query(`${PERIOD_FIGURES}
       SELECT (SELECT count(DISTINCT notice_id)::int FROM liaison_notice_recipients WHERE sent_on BETWEEN $1::date AND $2::date) AS notices,
              (SELECT sum(closed_cases)::int FROM c) AS closed_cases`,
      [from, to, today, UPHOLDING_JUDGMENTS, COURT_HEARING_KINDS, CLOSED_CASE_STATES],
    );
    const perDepartment = (r: any) => Object.fromEntries(FIELDS.map((f) => [camel(f), r[f] ?? 0])) as Record<Field, number>;
    // Suits against the district government itself (行政应诉 without a case) have no department row: one line of their own.
    const [government] = await this.ds.query(`${PERIOD_FIGURES} SELECT NULL::int AS "departmentId", '区人民政府' AS department, s.* FROM s WHERE s.dep IS NULL`,
      [from, to, today, UPHOLDING_JUDGMENTS, COURT_HEARING_KINDS, CLOSED_CASE_STATES]);
    const departments = [...rows, ...(government ? [government] : [])].map((r) => {
      const f = perDepartment(r);
      return { departmentId: r.departmentId, department: r.department, ...f, suedAfterRate: rate(f.lawsuits, f.closedCases) };
    });
    const sum = Object.fromEntries(FIELDS.map((f) => [camel(f), departments.reduce((acc, d) => acc + (d as any)[camel(f)], 0)])) as Record<Field, number>;
    const total = { ...sum, notices: all.notices, closedCases: all.closed_cases ?? 0 };
    return {
      from, to, departments,
      total: {
        ...total,
        // 复议后被诉率 (domain.md §8): lawsuits filed in the period ÷ cases closed in the period.
        suedAfterRate: rate(total.lawsuits, total.closedCases),
        // 负责人出庭应诉率: lawsuits with a court hearing held at which the head appeared ÷ lawsuits with a court hearing held.
        headAppearanceRate: rate(total.headAppeared, total.heard),
        upheldRate: rate(total.judgmentsUpholding, total.judged),
        coDefendantRate: rate(total.coDefendant, total.lawsuits),
      },
    };
  }
}

/** Accepted cases concluded (审结): decided (served or not, archived), terminated or mediated. */
const CLOSED_CASE_STATES = ['decided', 'served', 'archived', 'terminated', 'mediated'];
const FIELDS = ['notices', 'notice_recipients', 'notices_answered_on_time', 'opinion_letters', 'suggestion_letters', 'feedback_on_time', 'feedback_late',
  'lawsuits', 'direct_lawsuits', 'defences_on_time', 'defences_late', 'co_defendant', 'heard', 'head_appeared', 'court_hearings', 'court_hearings_head_appeared', 'judged', 'judgments_upholding',
  'closed_cases', 'group_disputes'] as const;
type Field = typeof FIELDS[number] extends infer F ? (F extends string ? CamelCase<F> : never) : never;
type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

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

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
