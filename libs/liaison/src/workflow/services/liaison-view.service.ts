import { Injectable } from '@nestjs/common';
import { TimeSource, UnitOfWork } from '@fuyi/platform';
import { weekEndOf } from '@fuyi/cases';
import { ClusterQueries } from '../../clusters';
import { LETTER_STATE_LABELS, type LetterKind, type LetterState } from '../domain/letter-state';
import { COURT_HEARING_KINDS, JUDGMENT_KINDS } from '../domain/litigation';
import {
  ACTIONABLE_LETTER_STATES, ACTIONABLE_NOTICE_STATES, OFFICER_LETTER_STATES, OFFICER_NOTICE_STATES, letterNextStep, noticeNextStep,
} from '../domain/next-steps';
import { NOTICE_STATE_LABELS, type NoticeState } from '../domain/risk-notice-state';
import { LiaisonErrors } from './liaison-errors';
import { todayOf } from './today';
import * as Desk from '../stores/liaison-desk.store';

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
  constructor(private readonly uow: UnitOfWork, private readonly clusters: ClusterQueries, private readonly time: TimeSource) {}

  async view(limit: number, f: LiaisonViewFilter = {}) {
    const today = todayOf(this.time);
    const weekEnd = weekEndOf(today);
    const filtered = !!(f.due || f.waiting);
    const [np, lp, sp]: unknown[][] = [[today, limit], [today, limit], [today, limit]];
    const [notices, letters, window, inCourt, clusters] = await Promise.all([
      this.uow.read((m) => Desk.deskNotices(m, noticeWhere(f, binder(np), weekEnd), np)),
      this.uow.read((m) => Desk.deskLetters(m, letterWhere(f, binder(lp), weekEnd), lp)),
      // ALL 45: served cases whose 15-day window is still open and no lawsuit recorded yet (the parties' period, not
      // the office's: no filter counts it).
      filtered ? [] : this.uow.read((m) => Desk.casesInLawsuitWindow(m, today, limit)),
      this.uow.read((m) => Desk.deskLawsuits(m, lawsuitWhere(f, binder(sp), weekEnd), sp)),
      f.due ? [] : this.uow.read((m) => this.clusters.openClusters(m, limit)),
    ]);
    return {
      today, ...(filtered ? { filter: { ...(f.due ? { due: f.due } : {}), ...(f.waiting ? { waiting: f.waiting } : {}) }, weekEnd } : {}),
      casesInLawsuitWindow: window, casesInCourt: inCourt, openClusters: clusters,
      notices: notices.map((n) => ({ ...n, stateLabel: NOTICE_STATE_LABELS[n.state as NoticeState], ...noticeNextStep(n.state as NoticeState) })),
      letters: letters.map((l) => ({ ...l, stateLabel: LETTER_STATE_LABELS[l.state as LetterState], ...letterNextStep(l.state as LetterState, l.kind as LetterKind) })),
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
    const counts: Record<LiaisonFigureKey, string> = {
      liaisonOverdue: lists({ due: 'overdue' }),
      liaisonDueThisWeek: lists({ due: 'thisWeek' }),
      liaisonAwaitingMe: `${lists({ waiting: 'officer' })} + (SELECT count(*)::int FROM group_disputes WHERE state = 'open')`,
    };
    const row = await this.uow.read((m) => Desk.deskCounts(m, counts, params));
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
    const period: Desk.PeriodParams = { from, to, today, upholdingJudgments: UPHOLDING_JUDGMENTS, courtHearingKinds: COURT_HEARING_KINDS };
    const rows = await this.uow.read((m) => Desk.periodFiguresByDepartment(m, period));
    // Totals over every department (closed cases of departments with no liaison figures included); a notice sent to
    // three departments is one notice.
    const all = await this.uow.read((m) => Desk.periodTotals(m, period));
    const perDepartment = (r: Desk.PeriodRow) => Object.fromEntries(Desk.PERIOD_FIELDS.map((f) => [camel(f), r[f] ?? 0])) as Record<Field, number>;
    // Suits against the district government itself (行政应诉 without a case) have no department row: one line of their own.
    const government = await this.uow.read((m) => Desk.governmentPeriodFigures(m, period));
    const departments = [...rows, ...(government ? [government] : [])].map((r) => {
      const f = perDepartment(r);
      return { departmentId: r.departmentId, department: r.department, ...f, suedAfterRate: rate(f.lawsuits, f.closedCases) };
    });
    const sum = Object.fromEntries(Desk.PERIOD_FIELDS.map((f) => [camel(f), departments.reduce((acc, d) => acc + d[camel(f) as Field], 0)])) as Record<Field, number>;
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

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type Field = CamelCase<Desk.PeriodField>;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
