import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@fuyi/platform';
import { statsRead } from './read-query';
import * as CaseFigures from '../stores/case-figures.store';
import { CASE_CATEGORIES, CASE_STATE_LABELS, DECISION_TYPES, type CaseState, type DecisionType } from '@fuyi/cases';
import { DIMENSIONS, dimensionFilter, rowLabel, type Dimension } from '../domain/dimensions';
import {
  CASE_FIGURES, COUNT_FIGURES, DEFAULT_SETTLED_WINDOW_DAYS, RATE_FIGURES, countKeyOf, figureCondition, rate,
  type CaseFigureKey, type CountKey, type RateKey,
} from '../domain/figures';
import { checkPaging, checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';

export interface OverviewQuery extends Period {
  by: Dimension;
  windowDays?: number;
}

export type FigureCounts = Record<CountKey, number>;
export type FigureRates = Record<RateKey, number | null>;
export interface OverviewRow { key: string; label: string; counts: FigureCounts; rates: FigureRates }

const COUNT_KEYS = Object.keys(COUNT_FIGURES) as CountKey[];
const RATE_KEYS = Object.keys(RATE_FIGURES) as RateKey[];
const CLOSE_KIND_LABELS: Record<string, string> = { decision: '作出决定', withdrawn: '准予撤回终止', terminated: '终止', mediated: '调解结案' };

export function ratesOf(c: FigureCounts): FigureRates {
  return Object.fromEntries(RATE_KEYS.map((k) => [k, rate(c[RATE_FIGURES[k].numerator], c[RATE_FIGURES[k].denominator])])) as FigureRates;
}

/**
 * Reconsideration statistics (issue 17 item 1, domain.md §8): every count in one grouped scan of the case facts, rates
 * derived from the counts, and each figure's drill-down through the very condition that counted it.
 */
@Injectable()
export class CaseStatisticsService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The table for a period and a dimension. With the default 案结事了 window it is read from the roll-up kept by triggers
   * (migration StatisticsRollup: a few thousand rows per year instead of every case); another window needs the
   * per-case check and is computed directly. Both give the same figures (statistics-rollup.int-spec.ts).
   */
  async overview(q: OverviewQuery) {
    const windowDays = checkWindow(q.windowDays);
    return windowDays === DEFAULT_SETTLED_WINDOW_DAYS ? this.overviewFromRollup(q) : this.overviewDirect(q);
  }

  async overviewFromRollup(q: OverviewQuery) {
    const { from, to } = checkPeriod(q.from, q.to);
    const by = checkDimension(q.by);
    const b = monthBounds(from, to);
    // Whole months from stat_monthly, the days before and after them from stat_daily, and every uncompacted delta.
    const raw = await statsRead(this.uow, (m) => CaseFigures.rollupCaseCounts(m, by, from, to, b));
    const names = await this.namesOf(by);
    const byKey = new Map<string, FigureCounts>();
    for (const r of raw) {
      if (!(r.measure in COUNT_FIGURES)) continue;
      const c = byKey.get(r.key) ?? (Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as FigureCounts);
      c[r.measure as CountKey] += r.n;
      byKey.set(r.key, c);
    }
    const rows = [...byKey].map(([key, c]) => ({ key, label: rowLabel(by, key, names.get(key) ?? null), counts: c, rates: ratesOf(c) }));
    return this.table(from, to, by, DEFAULT_SETTLED_WINDOW_DAYS, rows, 'rollup');
  }

  private async namesOf(by: Dimension): Promise<Map<string, string>> {
    if (by === 'township') {
      const rows = await statsRead(this.uow, (m) => CaseFigures.townshipNames(m));
      return new Map([['district', '区复议机构'], ...rows.map((r) => [r.key, r.name] as [string, string])]);
    }
    if (by === 'respondent') return new Map((await statsRead(this.uow, (m) => CaseFigures.departmentNames(m))).map((r) => [r.key, r.name]));
    return new Map([['total', '合计']]);
  }

  private table(from: string, to: string, by: Dimension, windowDays: number, all: OverviewRow[], computedFrom: 'rollup' | 'cases') {
    const rows = all
      .filter((r) => COUNT_KEYS.some((k) => r.counts[k] !== 0))
      .sort((a, b) => b.counts.received - a.counts.received || a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
    const totalCounts = Object.fromEntries(COUNT_KEYS.map((k) => [k, rows.reduce((n, r) => n + r.counts[k], 0)])) as FigureCounts;
    return { from, to, by, windowDays, computedFrom, rows, total: { counts: totalCounts, rates: ratesOf(totalCounts) } };
  }

  /** Every figure straight from the cases (one grouped scan of the case facts): any window, and the roll-up's reference. */
  async overviewDirect(q: OverviewQuery) {
    const { from, to } = checkPeriod(q.from, q.to);
    const by = checkDimension(q.by);
    const windowDays = checkWindow(q.windowDays);
    const raw = await statsRead(this.uow, (m) => CaseFigures.directCaseCounts(m, by, from, to, windowDays));
    const rows: OverviewRow[] = raw.map((r) => {
      const c = Object.fromEntries(COUNT_KEYS.map((k) => [k, r[k]])) as FigureCounts;
      return { key: String(r.key), label: rowLabel(by, String(r.key), r.label), counts: c, rates: ratesOf(c) };
    });
    return this.table(from, to, by, windowDays, rows, 'cases');
  }

  /**
   * The cases a figure counts, with the same period, dimension row and window, paged. A rate lists its numerator
   * (part=numerator) or its denominator (part=denominator). No personal data: case number, stage, dates, outcome.
   * Read from the stored per-case facts (the same columns, indexed by day); the integration tests check each list's
   * total against the table.
   */
  async cases(q: OverviewQuery & { figure: string; part?: string; key?: string; page?: unknown; pageSize?: unknown }) {
    const { from, to } = checkPeriod(q.from, q.to);
    const by = checkDimension(q.by ?? 'total');
    const windowDays = checkWindow(q.windowDays);
    if (!(q.figure in CASE_FIGURES)) throw StatisticsErrors.invalid('figure', `统计指标应为 ${Object.keys(CASE_FIGURES).join('、')} 之一`);
    const figure = q.figure as CaseFigureKey;
    const part = q.part ?? 'numerator';
    if (part !== 'numerator' && part !== 'denominator') throw StatisticsErrors.invalid('part', 'part 应为 numerator 或 denominator');
    if (by !== 'total' && (q.key === undefined || q.key === '')) throw StatisticsErrors.invalid('key', '按维度钻取时须指明该行的 key');
    const { page, pageSize } = checkPaging(q.page, q.pageSize);
    const dim = dimensionFilter(by, q.key, 4);
    const where = `(${figureCondition(figure, part)})${dim.sql}`;
    const params = [from, to, windowDays, ...dim.params];
    const [rows, total] = await Promise.all([
      statsRead(this.uow, (m) => CaseFigures.figureCases(m, where, params, pageSize, (page - 1) * pageSize)),
      this.listTotal({ from, to, by, key: q.key, windowDays }, countKeyOf(figure, part), where, params),
    ]);
    const def = CASE_FIGURES[figure];
    return {
      figure, label: def.label, definition: def.definition, part: def.kind === 'rate' ? part : undefined,
      from, to, by, key: q.key ?? null, windowDays, total, page, pageSize,
      items: rows.map((r) => ({
        caseId: r.id, caseNumber: r.case_number, state: r.state, stateLabel: CASE_STATE_LABELS[r.state as CaseState],
        category: r.category, categoryLabel: CASE_CATEGORIES[r.category as keyof typeof CASE_CATEGORIES] ?? r.category,
        procedure: r.procedure, township: r.township ?? '区复议机构', respondent: r.respondent,
        receivedOn: r.received_on, acceptedOn: r.accepted_on, refusedOn: r.refused_on, closedOn: r.closed_on,
        closeKind: r.close_kind, closeKindLabel: r.close_kind ? CLOSE_KIND_LABELS[r.close_kind] : null,
        decisionType: r.decision_type, decisionLabel: r.decision_type ? DECISION_TYPES[r.decision_type as DecisionType]?.label ?? r.decision_type : null,
      })),
    };
  }
  private async listTotal(q: { from: string; to: string; by: Dimension; key?: string; windowDays: number }, count: CountKey, where: string, params: unknown[]): Promise<number> {
    if (q.windowDays === DEFAULT_SETTLED_WINDOW_DAYS) {
      const table = await this.overviewFromRollup({ from: q.from, to: q.to, by: q.by });
      const row = q.by === 'total' ? table.total : table.rows.find((r) => r.key === q.key);
      return row?.counts[count] ?? 0;
    }
    return statsRead(this.uow, (m) => CaseFigures.countFigureCases(m, where, params));
  }
}

export function checkDimension(by: unknown): Dimension {
  if (!DIMENSIONS.includes(by as Dimension)) throw StatisticsErrors.invalid('by', `统计维度应为 ${DIMENSIONS.join('、')} 之一`);
  return by as Dimension;
}

export function checkWindow(windowDays: unknown): number {
  if (windowDays === undefined || windowDays === null || windowDays === '') return DEFAULT_SETTLED_WINDOW_DAYS;
  const n = Number(windowDays);
  if (!Number.isInteger(n) || n < 0 || n > 3650) throw StatisticsErrors.invalid('windowDays', '观察期应为 0 到 3650 之间的整数（日）');
  return n;
}

/**
 * Month boundaries of a period: [firstWholeMonth, afterWholeMonths) are the months lying wholly inside it (empty when
 * equal); pendingDailyFrom is the first day of the month of `to` unless `to` ends its month (then the next month).
 */
export function monthBounds(from: string, to: string): CaseFigures.MonthBounds {
  const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d: string) => {
    const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const firstWholeMonth = from.endsWith('-01') ? monthStart(from) : nextMonth(from);
  const endsMonth = nextMonth(to) !== nextMonth(addDay(to));
  const afterWholeMonths = endsMonth ? nextMonth(to) : monthStart(to);
  return {
    firstWholeMonth,
    afterWholeMonths: afterWholeMonths < firstWholeMonth ? firstWholeMonth : afterWholeMonths,
    pendingDailyFrom: endsMonth ? nextMonth(to) : monthStart(to),
  };
}

function addDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
