import type { SqlRunner } from '@fuyi/platform';
import { Role, type Actor, type IsoDate } from '@fuyi/kernel';
import { CaseState } from '../domain/case-state';
import { filterConditions, weekEndOf, type OfficeFilters } from './work-view-filters';
import { applicationConditions, type ApplicationListState } from './application-list-filter';
import { countCases } from '../stores/work-lists.store';

/**
 * A role's home figures (issue 16 item 5): what is overdue, due this week and awaiting the caller. Each figure is
 * the count of a work list with a filter (`list`), computed with the very conditions that list uses
 * (`filterConditions`), so a figure and the list it opens cannot disagree.
 */
export const HOME_FIGURE_KEYS = [
  'myOverdue', 'myDueThisWeek', 'myOpen', 'overdue', 'dueThisWeek', 'toAssign', 'awaitingApproval', 'awaitingCorrection', 'inAcceptanceReview',
] as const;
export type HomeFigureKey = (typeof HOME_FIGURE_KEYS)[number];

/**
 * The list a figure counts: my queue or the office view with these filters (approvals sums three office lists), or
 * the applications list (the township counter's) at one stage.
 */
export type FigureList = { view: 'myQueue' | 'office'; filters: OfficeFilters[] } | { view: 'applications'; state: ApplicationListState };

interface FigureDef {
  label: string;
  definition: string;
  list: FigureList;
}

const FIGURES: Record<HomeFigureKey, FigureDef> = {
  myOverdue: {
    label: '我承办的超期案件',
    definition: '本人承办的未结案件中，有进行中的期限已过届满日的案件数（中止的期限不计）',
    list: { view: 'myQueue', filters: [{ flag: 'overdue' }] },
  },
  myDueThisWeek: {
    label: '本周到期',
    definition: '本人承办的未结案件中，有进行中的期限在今天至本周日之间届满的案件数',
    list: { view: 'myQueue', filters: [{ flag: 'dueThisWeek' }] },
  },
  myOpen: { label: '我的在办案件', definition: '本人承办的全部未结案件数', list: { view: 'myQueue', filters: [{}] } },
  overdue: {
    label: '超期案件',
    definition: '全区未结案件中，有进行中的期限已过届满日的案件数（中止的期限不计）',
    list: { view: 'office', filters: [{ flag: 'overdue' }] },
  },
  dueThisWeek: {
    label: '本周到期',
    definition: '全区未结案件中，有进行中的期限在今天至本周日之间届满的案件数',
    list: { view: 'office', filters: [{ flag: 'dueThisWeek' }] },
  },
  toAssign: { label: '待分配（已受理）', definition: '状态为“已受理”、待确定或调整承办人的案件数', list: { view: 'office', filters: [{ state: CaseState.Accepted }] } },
  awaitingApproval: {
    label: '待审批（决定、延期、终止）',
    definition: '待审批的行政复议决定（第六十三条至第七十二条）、延期申请（第六十二条）和终止申请（第四十一条）之和',
    list: { view: 'office', filters: [{ state: CaseState.DecisionPending }, { pendingRequest: 'extension' }, { pendingRequest: 'termination' }] },
  },
  awaitingCorrection: {
    label: '待补正的申请',
    definition: '本分中心收件、已通知补正（第三十一条）尚未补正的申请数',
    list: { view: 'applications', state: CaseState.CorrectionRequested },
  },
  inAcceptanceReview: {
    label: '受理审查中的申请',
    definition: '本分中心收件、区级正在进行受理审查（第三十条）的申请数',
    list: { view: 'applications', state: CaseState.Registered },
  },
};

/** Which figures each role sees on its home, in order. Other roles keep their single count (RoleHome). */
const BY_ROLE: Partial<Record<Role, HomeFigureKey[]>> = {
  [Role.TownshipClerk]: ['awaitingCorrection', 'inAcceptanceReview'],
  [Role.ReconsiderationClerk]: ['myOverdue', 'myDueThisWeek', 'myOpen'],
  [Role.SectionChief]: ['overdue', 'dueThisWeek', 'toAssign', 'awaitingApproval'],
  [Role.OfficeHead]: ['overdue', 'dueThisWeek', 'awaitingApproval', 'toAssign'],
};

export interface HomeFigure {
  key: HomeFigureKey;
  label: string;
  definition: string;
  count: number;
}

export interface HomeFigures {
  asOf: IsoDate;
  weekEnd: IsoDate;
  figures: HomeFigure[];
}

/**
 * The caller's figures: one count per list filter, each with that list's own conditions (`filterConditions`), as
 * scalar subqueries of one statement (one round trip; each planned on its own, joined from the open cases' and open
 * clocks' partial indexes); summed per figure.
 */
export async function homeFigures(db: SqlRunner, actor: Actor, today: IsoDate): Promise<HomeFigures> {
  const keys = BY_ROLE[actor.role as Role] ?? [];
  const params: unknown[] = [];
  const parts: Array<{ key: HomeFigureKey; where: string[] }> = [];
  for (const key of keys) {
    const { list } = FIGURES[key];
    const wheres =
      list.view === 'applications'
        ? [applicationConditions(actor, list.state, params)]
        : list.filters.map((f) => filterConditions(list.view === 'myQueue' ? { ...f, handlerId: actor.userId } : f, today, params, 'c.id', false));
    for (const where of wheres) parts.push({ key, where });
  }
  const counts: Record<string, number> = {};
  const n = await countCases(db, parts.map((p) => p.where), params);
  parts.forEach((p, i) => (counts[p.key] = (counts[p.key] ?? 0) + n[i]!));
  return {
    asOf: today,
    weekEnd: weekEndOf(today),
    figures: keys.map((key) => ({ key, label: FIGURES[key].label, definition: FIGURES[key].definition, count: counts[key] ?? 0 })),
  };
}
