import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statsQuery } from './read-query';
import { CASE_CATEGORIES, CASE_STATE_LABELS, DECISION_TYPES, type CaseState, type DecisionType } from '@fuyi/cases';
import { CASE_FACTS_SQL, STORED_CASE_FACTS_SQL } from '../domain/case-facts';
import { DIMENSION_SQL, DIMENSIONS, dimensionFilter, rowLabel, type Dimension } from '../domain/dimensions';
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
/** Every figure's parameters typed once, whether or not its condition uses them (Postgres must know each $n's type). */
const TYPED_PARAMS = 'typed_params AS (SELECT $1::date AS from_day, $2::date AS to_day, $3::int AS window_days)';
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
  constructor(private readonly ds: DataSource) {}

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
    const raw: Array<{ key: string; measure: string; n: number }> = await statsQuery(this.ds, 
      `WITH x AS (SELECT key, measure, n FROM stat_monthly WHERE dim = $1 AND month >= $4::date AND month < $5::date
                  UNION ALL SELECT key, measure, n FROM stat_daily WHERE dim = $1 AND day BETWEEN $2::date AND $3::date AND (day < $4::date OR day >= $5::date)
                  UNION ALL SELECT key, measure, n FROM stat_daily_delta WHERE dim = $1 AND day BETWEEN $2::date AND $3::date),
            y AS (SELECT key, measure, n FROM stat_monthly WHERE dim = $1 AND month < $6::date AND measure IN ('accepted', 'closed')
                  UNION ALL SELECT key, measure, n FROM stat_daily WHERE dim = $1 AND day >= $6::date AND day <= $3::date AND measure IN ('accepted', 'closed')
                  UNION ALL SELECT key, measure, n FROM stat_daily_delta WHERE dim = $1 AND day <= $3::date AND measure IN ('accepted', 'closed'))
       SELECT key, measure, sum(n)::int AS n FROM x GROUP BY 1, 2
       UNION ALL
       SELECT key, 'pending', sum(CASE WHEN measure = 'accepted' THEN n ELSE -n END)::int FROM y GROUP BY 1`,
      [by, from, to, b.firstWholeMonth, b.afterWholeMonths, b.pendingDailyFrom],
    );
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
      const rows = await statsQuery(this.ds, `SELECT id::text AS key, name FROM townships`);
      return new Map([['district', '区复议机构'], ...rows.map((r: any) => [r.key, r.name] as [string, string])]);
    }
    if (by === 'respondent') return new Map((await statsQuery(this.ds, `SELECT id::text AS key, name FROM departments`)).map((r: any) => [r.key, r.name]));
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
    const g = DIMENSION_SQL[by];
    const counts = COUNT_KEYS.map((k) => `count(*) FILTER (WHERE ${COUNT_FIGURES[k].sql})::int AS "${k}"`).join(',\n');
    const raw: any[] = await statsQuery(this.ds, 
      `WITH ${TYPED_PARAMS}, f AS (${CASE_FACTS_SQL})
       SELECT ${g.key} AS key, ${g.label} AS label, ${counts}
         FROM f ${g.join} GROUP BY 1, 2`,
      [from, to, windowDays],
    );
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
    const n = params.length;
    const [rows, total] = await Promise.all([
      statsQuery(this.ds,
        `WITH ${TYPED_PARAMS}, f AS (${STORED_CASE_FACTS_SQL})
         SELECT f.id, f.case_number, f.state, f.category, f.procedure, f.received_on::text, f.accepted_on::text, f.refused_on::text,
                f.closed_on::text, f.close_kind, f.decision_type, t.name AS township, d.name AS respondent
           FROM f LEFT JOIN townships t ON t.id = f.township_id LEFT JOIN departments d ON d.id = f.respondent_department_id
          WHERE ${where} ORDER BY f.received_on, f.case_number LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.listTotal({ from, to, by, key: q.key, windowDays }, countKeyOf(figure, part), where, params),
    ]);
    const def = CASE_FIGURES[figure];
    return {
      figure, label: def.label, definition: def.definition, part: def.kind === 'rate' ? part : undefined,
      from, to, by, key: q.key ?? null, windowDays, total, page, pageSize,
      items: rows.map((r: any) => ({
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
    const [{ total }] = await statsQuery(this.ds, `WITH ${TYPED_PARAMS}, f AS (${STORED_CASE_FACTS_SQL}) SELECT count(*)::int AS total FROM f WHERE ${where}`, params);
    return total;
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
export function monthBounds(from: string, to: string) {
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
