import { rawRows, type RowOf, type SqlRunner } from '@fuyi/platform';

/** Reads behind the township (sub-centre) figures: mediation-centre files by referring township and by year. */

export type TownshipMediationRow = RowOf<'townships', 'id' | 'name'> & { mediation_files: number; mediation_substantive: number };

/**
 * Every township (by id) with the mediation files it referred in the period (Asia/Shanghai days) and how many of those
 * closed with one of `substantiveOutcomes`.
 */
export function mediationByTownship(
  m: SqlRunner,
  from: string,
  to: string,
  substantiveOutcomes: readonly string[],
): Promise<TownshipMediationRow[]> {
  // Raw SQL: FILTER aggregate under a LEFT JOIN of every township.
  return rawRows<TownshipMediationRow>(
    m,
    `WITH ms AS (SELECT m.township_id AS tid, count(*)::int AS mediation_files,
                        count(*) FILTER (WHERE m.state = 'closed' AND m.outcome = ANY($3::text[]))::int AS mediation_substantive
                   FROM mediation_files m
                  WHERE m.township_id IS NOT NULL AND m.created_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                    AND m.created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' GROUP BY 1)
     SELECT t.id, t.name, coalesce(ms.mediation_files, 0) AS mediation_files, coalesce(ms.mediation_substantive, 0) AS mediation_substantive
       FROM townships t LEFT JOIN ms ON ms.tid = t.id ORDER BY t.id`,
    [from, to, [...substantiveOutcomes]],
  );
}

/** Per year of outcome: mediation files closed with a substantive outcome that never became a case. */
export function substantiveMediationByYear(
  m: SqlRunner,
  fromYear: number,
  toYear: number,
  substantiveOutcomes: readonly string[],
): Promise<Array<{ year: number; n: number }>> {
  return rawRows<{ year: number; n: number }>(
    m,
    `SELECT extract(year FROM m.outcome_on)::int AS year, count(*)::int AS n FROM mediation_files m
      WHERE m.state = 'closed' AND m.outcome = ANY($3::text[]) AND m.case_id IS NULL AND m.outcome_on BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31)
      GROUP BY 1`,
    [fromYear, toYear, [...substantiveOutcomes]],
  );
}
