import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statsQuery } from './read-query';
import { SUBSTANTIVE_OUTCOMES } from '@fuyi/mediation';
import { CASE_FACTS_SQL } from '../domain/case-facts';
import { COUNT_FIGURES, rate } from '../domain/figures';
import { checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';

/**
 * Per township (the 22 sub-centres, domain.md §1): cases received at its counter and how those closed in the period
 * ended, next to the mediation-centre files it referred in the period and how many of those were substantively
 * resolved (agreement, self-correction, reconciliation: the reading of GET /mediation/measures).
 */
@Injectable()
export class TownshipStatisticsService {
  constructor(private readonly ds: DataSource) {}

  async subCentres(q: Period) {
    const { from, to } = checkPeriod(q.from, q.to);
    const raw: any[] = await statsQuery(this.ds, 
      `WITH f AS (${CASE_FACTS_SQL}),
            cs AS (SELECT f.township_id AS tid, count(*) FILTER (WHERE ${COUNT_FIGURES.received.sql})::int AS received,
                          count(*) FILTER (WHERE ${COUNT_FIGURES.closed.sql})::int AS closed,
                          count(*) FILTER (WHERE ${COUNT_FIGURES.resolved.sql})::int AS resolved
                     FROM f WHERE f.township_id IS NOT NULL GROUP BY 1),
            ms AS (SELECT m.township_id AS tid, count(*)::int AS mediation_files,
                          count(*) FILTER (WHERE m.state = 'closed' AND m.outcome = ANY($3::text[]))::int AS mediation_substantive
                     FROM mediation_files m
                    WHERE m.township_id IS NOT NULL AND m.created_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                      AND m.created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' GROUP BY 1)
       SELECT t.id, t.name, coalesce(cs.received, 0) AS received, coalesce(cs.closed, 0) AS closed, coalesce(cs.resolved, 0) AS resolved,
              coalesce(ms.mediation_files, 0) AS mediation_files, coalesce(ms.mediation_substantive, 0) AS mediation_substantive
         FROM townships t LEFT JOIN cs ON cs.tid = t.id LEFT JOIN ms ON ms.tid = t.id ORDER BY t.id`,
      [from, to, SUBSTANTIVE_OUTCOMES],
    );
    const rows = raw.map((r) => ({
      key: String(r.id), label: r.name as string,
      counts: { received: r.received, closed: r.closed, resolved: r.resolved, mediationFiles: r.mediation_files, mediationSubstantive: r.mediation_substantive },
      rates: { overallResolutionRate: rate(r.resolved, r.closed) },
    }));
    const sum = (k: keyof (typeof rows)[number]['counts']) => rows.reduce((n, r) => n + r.counts[k], 0);
    const total = { received: sum('received'), closed: sum('closed'), resolved: sum('resolved'), mediationFiles: sum('mediationFiles'), mediationSubstantive: sum('mediationSubstantive') };
    return { from, to, rows, total: { counts: total, rates: { overallResolutionRate: rate(total.resolved, total.closed) } } };
  }

  /**
   * 实质性化解 across mediation and adjudication, year by year: cases closed by correction, mediation or withdrawal
   * (综合化解数) plus mediation-centre files closed with a substantive outcome that never became a case.
   */
  async substantiveByYear(fromYear: number, toYear: number) {
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear < 2000 || toYear > 2100 || fromYear > toYear || toYear - fromYear > 10) {
      throw StatisticsErrors.invalid('fromYear', '年份范围不正确（2000-2100，不超过十年）');
    }
    const rows: any[] = await statsQuery(this.ds, 
      `WITH y AS (SELECT generate_series($1::int, $2::int) AS year),
            f AS (${CASE_FACTS_SQL})
       SELECT y.year,
              (SELECT count(*) FROM f WHERE ${COUNT_FIGURES.closed.sql.replace(/\$1::date/g, `make_date(y.year, 1, 1)`).replace(/\$2::date/g, `make_date(y.year, 12, 31)`)})::int AS closed,
              (SELECT count(*) FROM f WHERE ${COUNT_FIGURES.resolved.sql.replace(/\$1::date/g, `make_date(y.year, 1, 1)`).replace(/\$2::date/g, `make_date(y.year, 12, 31)`)})::int AS resolved,
              (SELECT count(*) FROM mediation_files m WHERE m.state = 'closed' AND m.outcome = ANY($3::text[]) AND m.case_id IS NULL
                  AND m.outcome_on BETWEEN make_date(y.year, 1, 1) AND make_date(y.year, 12, 31))::int AS mediation_substantive
         FROM y ORDER BY y.year`,
      [fromYear, toYear, SUBSTANTIVE_OUTCOMES],
    );
    return {
      fromYear, toYear,
      rows: rows.map((r) => ({ year: r.year, closed: r.closed, resolvedInCases: r.resolved, mediationSubstantive: r.mediation_substantive, substantiveTotal: r.resolved + r.mediation_substantive, overallResolutionRate: rate(r.resolved, r.closed) })),
    };
  }
}
