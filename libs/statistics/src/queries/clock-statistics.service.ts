import { Injectable } from '@nestjs/common';
import { TimeSource, UnitOfWork } from '@fuyi/platform';
import { statsRead } from './read-query';
import * as ClockFigures from '../stores/clock-figures.store';
import { shanghaiDate } from '@fuyi/kernel';
import { CASE_STATE_LABELS, type CaseState } from '@fuyi/cases';
import { RULES, isRuleId, type RuleId } from '@fuyi/deadlines';
import { CLOCK_FIGURES, clockCountsFromRollup, type ClockFigureKey } from '../domain/clock-figures';
import { rate } from '../domain/figures';
import { checkPaging, checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';
import { monthBounds } from './case-statistics.service';

const KEYS = Object.keys(CLOCK_FIGURES) as ClockFigureKey[];
type ClockCounts = Record<ClockFigureKey, number>;

/**
 * 按期办结率 per clock (clock-figures.ts); open clocks as they stand today (Asia/Shanghai): the day given, or the
 * TimeSource's today.
 */
@Injectable()
export class ClockStatisticsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: TimeSource,
  ) {}

  private today(): string {
    return shanghaiDate(this.time.now());
  }

  /** The table, read from the roll-up (migration ClockStatisticsRollup): its size depends on rules × days, not on clocks. */
  async perClock(q: Period, today = this.today()) {
    const { from, to } = checkPeriod(q.from, q.to);
    return this.table(from, to, today, await this.rollupCounts(from, to, today));
  }

  /** The same table counted over every clock: the exactness tests' reference and the benchmark's baseline. */
  async perClockDirect(q: Period, today = this.today()) {
    const { from, to } = checkPeriod(q.from, q.to);
    const raw = await statsRead(this.uow, (m) => ClockFigures.directClockCounts(m, from, to, today));
    return this.table(from, to, today, new Map(raw.map((r) => [r.rule, Object.fromEntries(KEYS.map((k) => [k, r[k]])) as ClockCounts])));
  }

  /** The cases behind one cell of the clock table (a rule and a figure); the total is the cell's own figure. */
  async cases(q: Period & { rule: string; figure: string; page?: unknown; pageSize?: unknown }, today = this.today()) {
    const { from, to } = checkPeriod(q.from, q.to);
    if (!isRuleId(q.rule)) throw StatisticsErrors.invalid('rule', '期限规则不正确');
    if (!(q.figure in CLOCK_FIGURES)) throw StatisticsErrors.invalid('figure', `期限指标应为 ${KEYS.join('、')} 之一`);
    const figure = q.figure as ClockFigureKey;
    const { page, pageSize } = checkPaging(q.page, q.pageSize);
    const [rows, counts] = await Promise.all([
      statsRead(this.uow, (m) => ClockFigures.figureClocks(m, { from, to, today, rule: q.rule, figure }, pageSize, (page - 1) * pageSize)),
      this.rollupCounts(from, to, today),
    ]);
    return {
      rule: q.rule, figure, label: CLOCK_FIGURES[figure].label, from, to, asOf: today, total: counts.get(q.rule)?.[figure] ?? 0, page, pageSize,
      items: rows.map((r) => ({
        caseId: r.id, caseNumber: r.case_number, state: r.state, stateLabel: CASE_STATE_LABELS[r.state as CaseState],
        start: r.start_date, due: r.due_date, clockStatus: r.status, closedOn: r.closed_on, extensionDays: r.extension_days,
      })),
    };
  }

  /**
   * Closed measures over the period (whole months from stat_monthly, the ends from stat_daily, every delta); open
   * measures over all due dates, split at today: months other than today's from stat_monthly, today's month by day.
   */
  private async rollupCounts(from: string, to: string, today: string): Promise<Map<string, ClockCounts>> {
    const b = monthBounds(from, to);
    const thisMonth = `${today.slice(0, 7)}-01`;
    const raw = await statsRead(this.uow, (m) => ClockFigures.clockRollup(m, from, to, today, b, thisMonth));
    return clockCountsFromRollup(raw);
  }

  private table(from: string, to: string, today: string, counts: Map<string, ClockCounts>) {
    const rows = [...counts.entries()]
      .filter(([, c]) => KEYS.some((k) => c[k] > 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([rule, c]) => ({
        rule, label: ruleLabel(rule), article: isRuleId(rule) ? RULES[rule as RuleId].article : null,
        counts: c, onTimeRate: rate(c.closedOnTime, c.closedOnTime + c.closedLate),
      }));
    return { from, to, asOf: today, rows };
  }
}

function ruleLabel(rule: string): string {
  return isRuleId(rule) ? RULES[rule].label : rule;
}
