import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@fuyi/kernel';
import { MediationErrors } from '../domain/mediation-errors';
import { MEDIATION_CATEGORIES, SUBSTANTIVE_OUTCOMES, WITHDRAWAL_OUTCOMES, type MediationCategory } from '../domain/mediation-types';
import { TimeSource } from '@fuyi/platform';
import { mediationMeasures } from '../stores/file-views.store';

export type MeasureDimension = 'category' | 'township' | 'mediator';

/**
 * Grouping expression per dimension; a file counts once for each distinct mediator who mediated it (objected ones
 * excluded; a mediator assigned twice to the same file, e.g. after a reassignment, still counts once).
 */
const GROUPS: Record<MeasureDimension, { key: string; label: string; join: string }> = {
  category: { key: 'f.category', label: 'f.category', join: '' },
  township: { key: 'f.township_id::text', label: "coalesce(t.name, '区级')", join: 'LEFT JOIN townships t ON t.id = f.township_id' },
  mediator: {
    key: 'a.mediator_id::text', label: "coalesce(u.display_name, '未分配')",
    join: `LEFT JOIN (SELECT DISTINCT file_id, mediator_id FROM mediation_assignments WHERE end_reason IS DISTINCT FROM 'objection') a ON a.file_id = f.id
           LEFT JOIN users u ON u.id = a.mediator_id`,
  },
};

/**
 * 调解工作统计 (issue #5 item 7) over files referred in [from, to]: one query grouped by the dimension.
 * 实质性化解率 = (agreements + withdrawals after self-correction or reconciliation) ÷ files with an outcome.
 */
@Injectable()
export class MeasuresService {
  constructor(private readonly ds: DataSource, private readonly time: TimeSource) {}

  /** Without a period: the current year so far (1 January to today, Asia/Shanghai). */
  async measures(by: MeasureDimension, fromDay?: string, toDay?: string) {
    const today = shanghaiDate(this.time.now());
    const from = fromDay ?? `${today.slice(0, 4)}-01-01`;
    const to = toDay ?? today;
    const g = GROUPS[by];
    if (!g) throw MediationErrors.invalid('by', '统计维度应为 category、township 或 mediator');
    if (from > to) throw MediationErrors.invalid('from', '开始日期不能晚于结束日期');
    const rows = await mediationMeasures(this.ds, g, { from, to, withdrawalOutcomes: WITHDRAWAL_OUTCOMES, substantiveOutcomes: SUBSTANTIVE_OUTCOMES });
    return {
      by, from, to,
      rows: rows.map((r) => ({
        key: r.key, label: by === 'category' ? (MEDIATION_CATEGORIES[r.key as MediationCategory] ?? r.label) : r.label, cases: r.cases, agreements: r.agreements, withdrawals: r.withdrawals, failures: r.failures, concluded: r.concluded,
        substantiveResolutions: r.substantive, substantiveRate: r.concluded ? Number((r.substantive / r.concluded).toFixed(4)) : null,
        medianDaysToOutcome: r.median_days == null ? null : Number(r.median_days), agreementsPerformed: r.performed,
      })),
    };
  }
}
