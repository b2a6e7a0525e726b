import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, UnitOfWork, type AppConfig } from '@fuyi/platform';
import { ClusterAlerts } from './cluster-alerts';
import { ClusterRecords, departmentName, lockDepartmentDetection, type DeptRecord, type RecordRef } from './stores/detection.store';
import { refreshTotals, writePlan } from './stores/group-disputes.store';
import type { MatchSettings, RecordKind } from './domain/cluster-match';
import { planClusters } from './domain/cluster-plan';

export interface DetectionStats {
  records: number;
  /** Rows read as candidates (the bench compares it with the table size: detection never rescans). */
  candidateRows: number;
  comparisons: number;
  created: number;
  grown: number;
}

const SCAN_BATCH = 1000;
/** Records younger than this are left to their own job: a transaction still open may yet commit an older created_at. */
const SCAN_LAG_MS = 60_000;
const empty = (): DetectionStats => ({ records: 0, candidateRows: 0, comparisons: 0, created: 0, grown: 0 });
const add = (a: DetectionStats, b: DetectionStats): DetectionStats => ({
  records: a.records + b.records, candidateRows: a.candidateRows + b.candidateRows, comparisons: a.comparisons + b.comparisons,
  created: a.created + b.created, grown: a.grown + b.grown,
});

/**
 * Group-dispute detection (issue 6, item 4), incremental: new records are matched only against records of the same
 * respondent department within ±M days. One transaction per department holding an advisory lock on it, so concurrent
 * jobs (per-record and periodic) never found two clusters for one group; processing a record twice changes nothing.
 */
@Injectable()
export class ClusterDetector {
  private readonly logger = new Logger('GroupDisputes');
  constructor(private readonly uow: UnitOfWork, private readonly alerts: ClusterAlerts, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get settings(): MatchSettings {
    const { minRecords, windowDays, similarity } = this.config.groupDispute;
    return { minRecords, windowDays, similarity };
  }

  /** The per-record job (an application registered, a consultation recorded). */
  async processRecords(refs: RecordRef[], settings: MatchSettings = this.settings): Promise<DetectionStats> {
    const records = await this.uow.read((m) => ClusterRecords.load(m, refs));
    const byDepartment = new Map<number, DeptRecord[]>();
    for (const r of records) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
    let stats = { ...empty(), records: records.length };
    // Followed consultations are not "new" records (load skips them) but their application replaces them in a cluster.
    const caseIds = refs.filter((r) => r.kind === 'case').map((r) => r.id);
    const departments = [...byDepartment.keys()].sort((a, b) => a - b);
    for (const departmentId of departments) stats = add(stats, await this.processDepartment(departmentId, byDepartment.get(departmentId)!, caseIds, settings));
    return stats;
  }

  /**
   * The periodic job: everything created since the watermark (kept in Postgres, so a job Redis lost is caught up here),
   * in batches; the watermark advances after each batch. `lagMs` 0 in tests.
   */
  async scanNew(opts: { lagMs?: number; settings?: MatchSettings } = {}): Promise<DetectionStats> {
    // Wall clock on purpose: the lag is measured against rows' created_at = now() of PostgreSQL (in-flight commits).
    const until = new Date(Date.now() - (opts.lagMs ?? SCAN_LAG_MS));
    let stats = empty();
    // Applications first: a cluster they found is explained against case numbers, which officers know best.
    for (const kind of ['case', 'consultation'] as RecordKind[]) {
      const next = () => this.uow.read((m) => ClusterRecords.after(m, kind, until, SCAN_BATCH));
      for (let batch = await next(); batch.length; batch = await next()) {
        stats = add(stats, await this.processRecords(batch, opts.settings));
        await this.uow.read((m) => ClusterRecords.advance(m, kind, batch[batch.length - 1]!));
      }
    }
    if (stats.created || stats.grown) this.logger.log(`group disputes: ${stats.created} new, ${stats.grown} grown (${stats.records} records)`);
    return stats;
  }

  private processDepartment(departmentId: number, fresh: DeptRecord[], caseIds: string[], s: MatchSettings): Promise<DetectionStats> {
    return this.uow.run(async (m) => {
      await lockDepartmentDetection(m, departmentId);
      const replaced = await ClusterRecords.replaceFollowedConsultations(m, departmentId, caseIds.filter((id) => fresh.some((r) => r.kind === 'case' && r.id === id)));
      await refreshTotals(m, replaced);
      // A record without document number, project or place cannot match anything: no candidates to read for it.
      fresh = fresh.filter((r) => r.documentNumber || r.project || r.place);
      if (!fresh.length) return empty();
      const dates = fresh.map((r) => r.on).sort();
      const from = dates[0]!;
      const candidates = await ClusterRecords.candidates(m, departmentId, from, dates[dates.length - 1]!, s.windowDays);
      const { memberships, clusters } = await ClusterRecords.memberships(m, departmentId, from, s.windowDays);
      const respondent = await departmentName(m, departmentId);
      const plan = planClusters({ respondent, fresh, candidates, memberships, clusters, settings: s });
      const changes = await writePlan(m, departmentId, plan);
      const alerted = await this.alerts.raise(m, [...changes, ...replaced.map((id) => ({ id, created: false }))]);
      return { records: 0, candidateRows: candidates.length, comparisons: plan.comparisons, ...alerted };
    });
  }
}
