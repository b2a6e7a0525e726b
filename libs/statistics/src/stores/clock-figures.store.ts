import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import { CLOCK_FIGURES, type ClockFigureKey, type ClockRollupRow } from '../domain/clock-figures';
import type { MonthBounds } from './case-figures.store';

/**
 * Reads behind the clock figures (issue 19 item 2): the clock roll-up (dim 'clock' of stat_monthly, stat_daily,
 * stat_daily_delta) and the clocks themselves (case_clocks). The figures' conditions are SQL over `k` (a case_clocks
 * row) with $1 from, $2 to, $3 today (domain/clock-figures.ts).
 */

const KEYS = Object.keys(CLOCK_FIGURES) as ClockFigureKey[];

/**
 * Closed measures over the period (whole months from stat_monthly, the ends from stat_daily, every delta); open
 * measures over all due dates, split at today: months other than today's from stat_monthly, today's month by day.
 */
export function clockRollup(
  m: SqlRunner,
  from: string,
  to: string,
  today: string,
  b: MonthBounds,
  thisMonth: string,
): Promise<ClockRollupRow[]> {
  const closed = `measure IN ('closedOnTime', 'closedLate')`;
  const open = `measure NOT IN ('closedOnTime', 'closedLate')`;
  // Raw SQL: UNION ALL over the three roll-up tables, grouped.
  return rawRows<RowOf<'stat_daily', 'measure'> & { rule: Row<'stat_daily'>['key']; overdue: boolean; n: number }>(
    m,
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
}

export type DirectClockCounts = RowOf<'case_clocks', 'rule'> & Record<ClockFigureKey, number>;

/** Every clock figure per rule counted over every clock (the roll-up's reference). */
export function directClockCounts(m: SqlRunner, from: string, to: string, today: string): Promise<DirectClockCounts[]> {
  const counts = KEYS.map((k) => `count(*) FILTER (WHERE ${CLOCK_FIGURES[k].sql})::int AS "${k}"`).join(', ');
  return rawRows<DirectClockCounts>(
    m,
    `WITH typed_params AS (SELECT $1::date, $2::date, $3::date) SELECT k.rule, ${counts} FROM case_clocks k GROUP BY 1 ORDER BY 1`,
    [from, to, today],
  );
}

export type FigureClockRow = RowOf<'cases', 'id' | 'case_number' | 'state'> &
  RowOf<'case_clocks', 'start_date' | 'due_date' | 'status' | 'closed_on' | 'extension_days'>;

/**
 * A page of the clocks of one rule that one figure counts, with their cases: closed clocks in the order they closed,
 * open ones by due date (each walks an index of its own, migration ClockStatisticsRollup).
 */
export function figureClocks(
  m: SqlRunner,
  q: { from: string; to: string; today: string; rule: string; figure: ClockFigureKey },
  limit: number,
  offset: number,
): Promise<FigureClockRow[]> {
  const where = `k.rule = $4 AND (${CLOCK_FIGURES[q.figure].sql})`;
  const order = q.figure === 'closedOnTime' || q.figure === 'closedLate' ? 'k.closed_on, k.id' : 'k.due_date, k.id';
  return rawRows<FigureClockRow>(
    m,
    `WITH typed_params AS (SELECT $1::date, $2::date, $3::date, $4::text)
     SELECT c.id, c.case_number, c.state, k.start_date::text, k.due_date::text, k.status, k.closed_on::text, k.extension_days
       FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE ${where} ORDER BY ${order} LIMIT $5 OFFSET $6`,
    [q.from, q.to, q.today, q.rule, limit, offset],
  );
}
