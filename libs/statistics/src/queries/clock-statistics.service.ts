import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statsQuery } from './read-query';
import { shanghaiDate } from '@fuyi/kernel';
import { CASE_STATE_LABELS, type CaseState } from '@fuyi/cases';
import { RULES, isRuleId, type RuleId } from '@fuyi/deadlines';
import { CLOCK_FIGURES, type ClockFigureKey } from '../domain/clock-figures';
import { rate } from '../domain/figures';
import { checkPaging, checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';

const KEYS = Object.keys(CLOCK_FIGURES) as ClockFigureKey[];

/** 按期办结率 per clock (clock-figures.ts); open clocks as they stand today (Asia/Shanghai). */
@Injectable()
export class ClockStatisticsService {
  constructor(private readonly ds: DataSource) {}

  async perClock(q: Period, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    const counts = KEYS.map((k) => `count(*) FILTER (WHERE ${CLOCK_FIGURES[k].sql})::int AS "${k}"`).join(', ');
    const raw: any[] = await statsQuery(this.ds, `WITH typed_params AS (SELECT $1::date, $2::date, $3::date) SELECT k.rule, ${counts} FROM case_clocks k GROUP BY 1 ORDER BY 1`, [from, to, today]);
    const rows = raw
      .filter((r) => KEYS.some((k) => r[k] > 0))
      .map((r) => ({
        rule: r.rule as string, label: ruleLabel(r.rule), article: isRuleId(r.rule) ? RULES[r.rule as RuleId].article : null,
        counts: Object.fromEntries(KEYS.map((k) => [k, r[k]])) as Record<ClockFigureKey, number>,
        onTimeRate: rate(r.closedOnTime, r.closedOnTime + r.closedLate),
      }));
    return { from, to, asOf: today, rows };
  }

  /** The cases behind one cell of the clock table (a rule and a figure). */
  async cases(q: Period & { rule: string; figure: string; page?: unknown; pageSize?: unknown }, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    if (!isRuleId(q.rule)) throw StatisticsErrors.invalid('rule', '期限规则不正确');
    if (!(q.figure in CLOCK_FIGURES)) throw StatisticsErrors.invalid('figure', `期限指标应为 ${KEYS.join('、')} 之一`);
    const { page, pageSize } = checkPaging(q.page, q.pageSize);
    const where = `k.rule = $4 AND (${CLOCK_FIGURES[q.figure as ClockFigureKey].sql})`;
    const params = [from, to, today, q.rule];
    const [rows, [{ total }]] = await Promise.all([
      statsQuery(this.ds, 
        `WITH typed_params AS (SELECT $1::date, $2::date, $3::date, $4::text)
         SELECT c.id, c.case_number, c.state, k.start_date::text, k.due_date::text, k.status, k.closed_on::text, k.extension_days
           FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE ${where} ORDER BY k.due_date, c.case_number LIMIT $5 OFFSET $6`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      statsQuery(this.ds, `WITH typed_params AS (SELECT $1::date, $2::date, $3::date, $4::text) SELECT count(*)::int AS total FROM case_clocks k WHERE ${where}`, params),
    ]);
    return {
      rule: q.rule, figure: q.figure, label: CLOCK_FIGURES[q.figure as ClockFigureKey].label, from, to, asOf: today, total, page, pageSize,
      items: rows.map((r: any) => ({
        caseId: r.id, caseNumber: r.case_number, state: r.state, stateLabel: CASE_STATE_LABELS[r.state as CaseState],
        start: r.start_date, due: r.due_date, clockStatus: r.status, closedOn: r.closed_on, extensionDays: r.extension_days,
      })),
    };
  }
}

function ruleLabel(rule: string): string {
  return isRuleId(rule) ? RULES[rule].label : rule;
}
