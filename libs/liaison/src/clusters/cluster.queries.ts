import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeKeysetCursor, keysetPage, type Role } from '@fuyi/kernel';
import { allowedClusterActions, type ClusterAction } from './domain/cluster-actions';
import type { RecordKind } from './domain/cluster-match';
import { suggestedRiskNotice, type ClusterFacts } from './domain/suggested-notice';
import type { ClusterState } from './entities';
import { ClusterErrors } from './cluster-errors';

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

const SUMMARY_SQL = `SELECT g.*, d.name AS respondent,
    coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM townships t WHERE t.id = ANY(g.township_ids)), '{}') AS townships
  FROM group_disputes g JOIN departments d ON d.id = g.respondent_department_id`;

/** Read side of group disputes: the liaison view lists open clusters (ClusterQueries.openClusters) and their members. */
@Injectable()
export class ClusterQueries {
  constructor(private readonly ds: DataSource) {}

  /** Open clusters, most recently active first. */
  openClusters(limit = 50, m: Pick<EntityManager, 'query'> = this.ds): Promise<ClusterSummary[]> {
    return this.list('open', limit, m);
  }

  /** Clusters in one state (merged ones are 'closed', with mergedInto), most recently active first. */
  async list(state: ClusterState, limit = 50, m: Pick<EntityManager, 'query'> = this.ds): Promise<ClusterSummary[]> {
    const rows = await m.query(`${SUMMARY_SQL} WHERE g.state = $2 ORDER BY g.last_on DESC, g.id LIMIT $1`, [limit, state]);
    return rows.map(toSummary);
  }

  /**
   * The same list a page at a time ({items, nextCursor}, issue 11): the cursor names the last cluster seen (its last
   * date and id), so the next page starts after it in the same order.
   */
  async page(state: ClusterState, limit: number, cursor?: string): Promise<{ items: ClusterSummary[]; nextCursor: string | null }> {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.ds.query(
      `${SUMMARY_SQL} WHERE g.state = $2 AND ($3::date IS NULL OR g.last_on < $3::date OR (g.last_on = $3::date AND g.id > $4::uuid))
        ORDER BY g.last_on DESC, g.id LIMIT $1`,
      [limit + 1, state, after ? after.at.slice(0, 10) : null, after?.id ?? null],
    );
    return keysetPage(rows, limit, (r: any) => `${String(r.last_on).slice(0, 10)}T00:00:00.000Z`, (r: any) => r.id, toSummary);
  }

  /** The cluster resource of the API: the cluster with its members and what `role` may do with it (domain/cluster-actions.ts). */
  async resource(id: string, role: Role, m: Pick<EntityManager, 'query'> = this.ds) {
    const c = await this.get(id, m);
    return { ...c, allowedActions: allowedClusterActions(role, c.state) as Array<{ action: ClusterAction; label: string }> };
  }

  async get(id: string, m: Pick<EntityManager, 'query'> = this.ds): Promise<ClusterSummary & { members: ClusterMemberView[]; dismissedReason: string | null }> {
    const [row] = await m.query(`${SUMMARY_SQL} WHERE g.id = $1`, [id]);
    if (!row) throw ClusterErrors.notFound();
    const members = await m.query(
      `SELECT gm.record_kind, gm.record_id, gm.record_on, gm.reason, gm.joined_at, t.name AS township,
              coalesce(c.case_number, '咨询（' || coalesce(t.name, '区复议机构') || '，' || gm.record_on || '）') AS label
         FROM group_dispute_members gm LEFT JOIN townships t ON t.id = gm.township_id
         LEFT JOIN cases c ON gm.record_kind = 'case' AND c.id = gm.record_id
        WHERE gm.cluster_id = $1 ORDER BY gm.record_on, gm.id`,
      [id],
    );
    return {
      ...toSummary(row), dismissedReason: row.dismissed_reason,
      members: members.map((r: any): ClusterMemberView => ({
        recordKind: r.record_kind, recordId: r.record_id, label: r.label, recordOn: r.record_on, township: r.township, reason: r.reason,
        joinedAt: new Date(r.joined_at).toISOString(),
      })),
    };
  }
}

function toSummary(r: any): ClusterSummary {
  const facts: ClusterFacts = { respondent: r.respondent, keyKind: r.key_kind, keyLabel: r.key_label, memberCount: r.member_count, townships: r.townships, firstOn: r.first_on, lastOn: r.last_on };
  return {
    id: r.id, respondentDepartmentId: r.respondent_department_id, ...facts, state: r.state, stateLabel: CLUSTER_STATE_LABELS[r.state as ClusterState],
    mergedInto: r.merged_into ?? null, version: r.version, suggestedNotice: suggestedRiskNotice(facts),
  };
}
