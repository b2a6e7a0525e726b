import { Injectable } from '@nestjs/common';
import { UnitOfWork, type SqlRunner } from '@fuyi/platform';
import { decodeKeysetCursor, keysetPage, type Role } from '@fuyi/kernel';
import { allowedClusterActions, type ClusterAction } from './domain/cluster-actions';
import type { RecordKind } from './domain/cluster-match';
import { suggestedRiskNotice, type ClusterFacts } from './domain/suggested-notice';
import type { ClusterState } from './entities';
import { ClusterErrors } from './cluster-errors';
import * as GroupDisputes from './stores/group-disputes.store';

export interface ClusterSummary extends ClusterFacts {
  id: string;
  respondentDepartmentId: number;
  state: ClusterState;
  stateLabel: string;
  /** A cluster found to be the same group as an older one: closed, its members moved to this one. */
  mergedInto: string | null;
  version: number;
  suggestedNotice: { title: string; text: string };
}

export interface ClusterMemberView {
  recordKind: RecordKind;
  recordId: string;
  /** Case number, or 「咨询（宋庄镇，2026-11-02）」. */
  label: string;
  recordOn: string;
  township: string | null;
  reason: string;
  joinedAt: string;
}

export const CLUSTER_STATE_LABELS: Record<ClusterState, string> = { open: '待处理', closed: '已并入其他线索', dismissed: '已排除' };

/** Read side of group disputes: the liaison view lists open clusters (ClusterQueries.openClusters) and their members. */
@Injectable()
export class ClusterQueries {
  constructor(private readonly uow: UnitOfWork) {}

  /** Open clusters, most recently active first (in the caller's transaction `m`). */
  openClusters(m: SqlRunner, limit = 50): Promise<ClusterSummary[]> {
    return this.list(m, 'open', limit);
  }

  /** Clusters in one state (merged ones are 'closed', with mergedInto), most recently active first. */
  async list(m: SqlRunner, state: ClusterState, limit = 50): Promise<ClusterSummary[]> {
    return (await GroupDisputes.summaries(m, state, limit)).map(toSummary);
  }

  /**
   * The same list a page at a time ({items, nextCursor}, issue 11): the cursor names the last cluster seen (its last
   * date and id), so the next page starts after it in the same order.
   */
  async page(state: ClusterState, limit: number, cursor?: string): Promise<{ items: ClusterSummary[]; nextCursor: string | null }> {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.uow.read((m) =>
      GroupDisputes.summariesAfter(m, state, limit + 1, after ? { lastOn: after.at.slice(0, 10), id: after.id } : null),
    );
    return keysetPage(rows, limit, (r) => `${String(r.last_on).slice(0, 10)}T00:00:00.000Z`, (r) => r.id, toSummary);
  }

  /** The cluster resource of the API: the cluster with its members and what `role` may do with it (domain/cluster-actions.ts). */
  async resource(m: SqlRunner, id: string, role: Role) {
    const c = await this.get(m, id);
    return { ...c, allowedActions: allowedClusterActions(role, c.state) as Array<{ action: ClusterAction; label: string }> };
  }

  /** The cluster resource read on its own (autocommit), for the API's GET. */
  view(id: string, role: Role) {
    return this.uow.read((m) => this.resource(m, id, role));
  }

  async get(m: SqlRunner, id: string): Promise<ClusterSummary & { members: ClusterMemberView[]; dismissedReason: string | null }> {
    const row = await GroupDisputes.summary(m, id);
    if (!row) throw ClusterErrors.notFound();
    const members = await GroupDisputes.members(m, id);
    return {
      ...toSummary(row), dismissedReason: row.dismissed_reason,
      members: members.map((r): ClusterMemberView => ({
        recordKind: r.record_kind as RecordKind, recordId: r.record_id, label: r.label, recordOn: r.record_on, township: r.township, reason: r.reason,
        joinedAt: new Date(r.joined_at).toISOString(),
      })),
    };
  }
}

function toSummary(r: GroupDisputes.ClusterSummaryRow): ClusterSummary {
  const facts: ClusterFacts = { respondent: r.respondent, keyKind: r.key_kind as ClusterFacts['keyKind'], keyLabel: r.key_label, memberCount: r.member_count, townships: r.townships, firstOn: r.first_on, lastOn: r.last_on };
  return {
    id: r.id, respondentDepartmentId: r.respondent_department_id, ...facts, state: r.state, stateLabel: CLUSTER_STATE_LABELS[r.state as ClusterState],
    mergedInto: r.merged_into ?? null, version: r.version, suggestedNotice: suggestedRiskNotice(facts),
  };
}
