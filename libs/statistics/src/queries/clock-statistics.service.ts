import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statsQuery } from './read-query';
import { shanghaiDate } from '@fuyi/kernel';
import { CASE_STATE_LABELS, type CaseState } from '@fuyi/cases';
import { RULES, isRuleId, type RuleId } from '@fuyi/deadlines';
import { CLOCK_FIGURES, clockCountsFromRollup, type ClockFigureKey, type ClockRollupRow } from '../domain/clock-figures';
import { rate } from '../domain/figures';
import { checkPaging, checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';
import { monthBounds } from './case-statistics.service';

const KEYS = Object.keys(CLOCK_FIGURES) as ClockFigureKey[];
type ClockCounts = Record<ClockFigureKey, number>;

/** 按期办结率 per clock (clock-figures.ts); open clocks as they stand today (Asia/Shanghai). */
@Injectable()
export class ClockStatisticsService {
  constructor(private readonly ds: DataSource) {}

  /** The table, read from the roll-up (migration ClockStatisticsRollup): its size depends on rules × days, not on clocks. */
  async perClock(q: Period, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    return this.table(from, to, today, await this.rollupCounts(from, to, today));
  }

  /** The same table counted over every clock: the exactness tests' reference and the benchmark's baseline. */
  async perClockDirect(q: Period, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    const counts = KEYS.map((k) => `count(*) FILTER (WHERE ${CLOCK_FIGURES[k].sql})::int AS "${k}"`).join(', ');
    const raw: any[] = await statsQuery(this.ds, `WITH typed_params AS (SELECT $1::date, $2::date, $3::date) SELECT k.rule, ${counts} FROM case_clocks k GROUP BY 1 ORDER BY 1`, [from, to, today]);
    return this.table(from, to, today, new Map(raw.map((r) => [r.rule as string, Object.fromEntries(KEYS.map((k) => [k, r[k]])) as ClockCounts])));
  }

  /** The cases behind one cell of the clock table (a rule and a figure); the total is the cell's own figure. */
  async cases(q: Period & { rule: string; figure: string; page?: unknown; pageSize?: unknown }, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    if (!isRuleId(q.rule)) throw StatisticsErrors.invalid('rule', '期限规则不正确');
    if (!(q.figure in CLOCK_FIGURES)) throw StatisticsErrors.invalid('figure', `期限指标应为 ${KEYS.join('、')} 之一`);
    const figure = q.figure as ClockFigureKey;
    const { page, pageSize } = checkPaging(q.page, q.pageSize);
    const where = `k.rule = $4 AND (${CLOCK_FIGURES[figure].sql})`;
    // Closed clocks in the order they closed, open ones by due date: each walks an index of its own (ClockStatisticsRollup).
    const order = figure === 'closedOnTime' || figure === 'closedLate' ? 'k.closed_on, k.id' : 'k.due_date, k.id';
    const [rows, counts] = await Promise.all([
      statsQuery(this.ds,
        `WITH typed_params AS (SELECT $1::date, $2::date, $3::date, $4::text)
         SELECT c.id, c.case_number, c.state, k.start_date::text, k.due_date::text, k.status, k.closed_on::text, k.extension_days
           FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE ${where} ORDER BY ${order} LIMIT $5 OFFSET $6`,
        [from, to, today, q.rule, pageSize, (page - 1) * pageSize],
      ),
      this.rollupCounts(from, to, today),
    ]);
    return {
      rule: q.rule, figure, label: CLOCK_FIGURES[figure].label, from, to, asOf: today, total: counts.get(q.rule)?.[figure] ?? 0, page, pageSize,
      items: rows.map((r: any) => ({
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
    const closed = `measure IN ('closedOnTime', 'closedLate')`;
    const open = `measure NOT IN ('closedOnTime', 'closedLate')`;
    const raw: ClockRollupRow[] = await statsQuery(this.ds,
      `WITH c AS (SELECT key, measure, n FROM stat_monthly WHERE dim = 'clock' AND ${closed} AND month >= $4::date AND month < $5::date
                  UNION ALL SELECT key, measure, n FROM stat_daily WHERE dim = 'clock' AND ${closed} AND day BETWEEN $1::date AND $2::date AND (day < $4::date OR day >= $5::date)
                  UNION ALL SELECT key, measure, n FROM stat_daily_delta WHERE dim = 'clock' AND ${closed} AND day BETWEEN $1::date AND $2::date),
            o AS (SELECT key, measure, n, month < $6::date AS overdue FROM stat_monthly WHERE dim = 'clock' AND ${open} AND month <> $6::date
                  UNION ALL SELECT key, measure, n, day < $3::date FROM stat_daily WHERE dim = 'clock' AND ${open} AND day >= $6::date AND day < ($6::date + interval '1 month')
                  UNION ALL SELECT key, measure, n, day < $3::date FROM stat_daily_delta WHERE dim = 'clock' AND ${open})
       SELECT key AS rule, measure, false AS overdue, sum(n)::int AS n FROM c GROUP BY 1, 2
       UNION ALL SELECT key, measure, overdue, sum(n)::int FROM o GROUP BY 1, 2, 3`,
      [from, to, today, b.firstWholeMonth, b.afterWholeMonths, thisMonth],
    );
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
