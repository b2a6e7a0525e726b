import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@fuyi/platform';
import { statsRead } from './read-query';
import * as TownshipFigures from '../stores/township-figures.store';
import { SUBSTANTIVE_OUTCOMES } from '@fuyi/mediation';
import { rate } from '../domain/figures';
import { CaseStatisticsService } from './case-statistics.service';
import { checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';

/**
 * Per township (the 22 sub-centres, domain.md §1): cases received at its counter and how those closed in the period
 * ended, next to the mediation-centre files it referred in the period and how many of those were substantively
 * resolved (agreement, self-correction, reconciliation: the reading of GET /mediation/measures).
 */
@Injectable()
export class TownshipStatisticsService {
  constructor(private readonly uow: UnitOfWork, private readonly cases: CaseStatisticsService) {}

  async subCentres(q: Period) {
    const { from, to } = checkPeriod(q.from, q.to);
    // The case counts from the roll-up's township rows (the same figures as GET /statistics/overview?by=township).
    const [cases, raw] = await Promise.all([
      this.cases.overviewFromRollup({ from, to, by: 'township' }),
      statsRead(this.uow, (m) => TownshipFigures.mediationByTownship(m, from, to, SUBSTANTIVE_OUTCOMES)),
    ]);
    const byKey = new Map(cases.rows.map((r) => [r.key, r.counts]));
    const rows = raw.map((r) => {
      const c = byKey.get(String(r.id));
      const counts = { received: c?.received ?? 0, closed: c?.closed ?? 0, resolved: c?.resolved ?? 0, mediationFiles: r.mediation_files, mediationSubstantive: r.mediation_substantive };
      return { key: String(r.id), label: r.name, counts, rates: { overallResolutionRate: rate(counts.resolved, counts.closed) } };
    });
    const sum = (k: keyof (typeof rows)[number]['counts']) => rows.reduce((n: number, r: (typeof rows)[number]) => n + r.counts[k], 0);
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
    const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
    const [perYear, mediation] = await Promise.all([
      Promise.all(years.map((y) => this.cases.overviewFromRollup({ from: `${y}-01-01`, to: `${y}-12-31`, by: 'total' }))),
      statsRead(this.uow, (m) => TownshipFigures.substantiveMediationByYear(m, fromYear, toYear, SUBSTANTIVE_OUTCOMES)),
    ]);
    const rows = years.map((year, i) => ({
      year, closed: perYear[i].total.counts.closed, resolved: perYear[i].total.counts.resolved,
      mediation_substantive: mediation.find((m) => m.year === year)?.n ?? 0,
    }));
    return {
      fromYear, toYear,
      rows: rows.map((r) => ({ year: r.year, closed: r.closed, resolvedInCases: r.resolved, mediationSubstantive: r.mediation_substantive, substantiveTotal: r.resolved + r.mediation_substantive, overallResolutionRate: rate(r.resolved, r.closed) })),
    };
  }
}
