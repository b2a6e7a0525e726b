import { qb, rawRows, run, sql, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import { CASE_FACTS_SQL, STORED_CASE_FACTS_SQL } from '../domain/case-facts';
import { DIMENSION_SQL, type Dimension } from '../domain/dimensions';
import { COUNT_FIGURES, type CountKey } from '../domain/figures';

/**
 * Reads behind the case figures (issue 19 item 2): the roll-up (stat_monthly, stat_daily, stat_daily_delta), the case
 * facts computed from the cases or stored per case (stat_case_facts), and the names of the dimension rows. The figures'
 * conditions are SQL over the facts (domain/figures.ts), passed in as `where`.
 */

/** Every figure's parameters typed once, whether or not its condition uses them (Postgres must know each $n's type). */
const TYPED_PARAMS = 'typed_params AS (SELECT $1::date AS from_day, $2::date AS to_day, $3::int AS window_days)';
const COUNT_KEYS = Object.keys(COUNT_FIGURES) as CountKey[];

export type RollupCount = RowOf<'stat_daily', 'key' | 'measure'> & { n: number };

export interface MonthBounds {
  firstWholeMonth: string;
  afterWholeMonths: string;
  pendingDailyFrom: string;
}

/**
 * The measures of one dimension over a period: whole months from stat_monthly, the days before and after them from
 * stat_daily, every uncompacted delta; plus 'pending' (accepted − closed up to `to`).
 */
export function rollupCaseCounts(m: SqlRunner, by: Dimension, from: string, to: string, b: MonthBounds): Promise<RollupCount[]> {
  // Raw SQL: UNION ALL over the three roll-up tables, grouped.
  return rawRows<RollupCount>(
    m,
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
}

/** Township names by id as text (the township dimension's keys). */
export function townshipNames(m: SqlRunner) {
  return run(m, qb.selectFrom('townships').select([sql<string>`id::text`.as('key'), 'name']));
}

/** Department names by id as text (the respondent dimension's keys). */
export function departmentNames(m: SqlRunner) {
  return run(m, qb.selectFrom('departments').select([sql<string>`id::text`.as('key'), 'name']));
}

/** One row of the direct count: the dimension row's key and SQL label, and every count figure. */
export type DirectCaseCounts = { key: string | number; label: string | null } & Record<CountKey, number>;

/** Every count figure straight from the cases, in one grouped scan of the case facts. */
export function directCaseCounts(m: SqlRunner, by: Dimension, from: string, to: string, windowDays: number): Promise<DirectCaseCounts[]> {
  const g = DIMENSION_SQL[by];
  const counts = COUNT_KEYS.map((k) => `count(*) FILTER (WHERE ${COUNT_FIGURES[k].sql})::int AS "${k}"`).join(',\n');
  // Raw SQL: FILTER aggregates over a CTE of computed facts.
  return rawRows<DirectCaseCounts>(
    m,
    `WITH ${TYPED_PARAMS}, f AS (${CASE_FACTS_SQL})
     SELECT ${g.key} AS key, ${g.label} AS label, ${counts}
       FROM f ${g.join} GROUP BY 1, 2`,
    [from, to, windowDays],
  );
}

export type FigureCaseRow = RowOf<'cases', 'id' | 'case_number' | 'state' | 'category' | 'procedure'> &
  Pick<Row<'stat_case_facts'>, 'received_on' | 'accepted_on' | 'refused_on' | 'closed_on' | 'close_kind' | 'decision_type'> & {
    // LEFT JOINs, renamed.
    township: Row<'townships'>['name'] | null;
    respondent: Row<'departments'>['name'] | null;
  };

/**
 * A page of the stored case facts matching `where` (a figure's condition over `f`, with $1 from, $2 to, $3 window
 * days and `params` after them), in receipt order.
 */
export function figureCases(m: SqlRunner, where: string, params: unknown[], limit: number, offset: number): Promise<FigureCaseRow[]> {
  const n = params.length;
  return rawRows<FigureCaseRow>(
    m,
    `WITH ${TYPED_PARAMS}, f AS (${STORED_CASE_FACTS_SQL})
     SELECT f.id, f.case_number, f.state, f.category, f.procedure, f.received_on::text, f.accepted_on::text, f.refused_on::text,
            f.closed_on::text, f.close_kind, f.decision_type, t.name AS township, d.name AS respondent
       FROM f LEFT JOIN townships t ON t.id = f.township_id LEFT JOIN departments d ON d.id = f.respondent_department_id
      WHERE ${where} ORDER BY f.received_on, f.case_number LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, limit, offset],
  );
}

/** How many stored case facts match `where` (as figureCases). */
export async function countFigureCases(m: SqlRunner, where: string, params: unknown[]): Promise<number> {
  const [row] = await rawRows<{ total: number }>(
    m,
    `WITH ${TYPED_PARAMS}, f AS (${STORED_CASE_FACTS_SQL}) SELECT count(*)::int AS total FROM f WHERE ${where}`,
    params,
  );
  return row!.total;
}
