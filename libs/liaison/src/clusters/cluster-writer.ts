import type { EntityManager } from 'typeorm';
import type { ClusterPlan, PlannedMember } from './domain/cluster-plan';

type Db = Pick<EntityManager, 'query'>;

export interface ClusterChange {
  id: string;
  created: boolean;
}

/** Writes a detection plan: new clusters, merges, members (a repeat inserts nothing), then each cluster's totals. */
export async function writePlan(m: Db, departmentId: number, plan: ClusterPlan): Promise<ClusterChange[]> {
  const ids = new Map<string, string>();
  for (const c of plan.creates) {
    const [row] = await m.query(
      `INSERT INTO group_disputes (respondent_department_id, key_kind, key_label, first_on, last_on, member_count)
       VALUES ($1, $2, $3, $4, $4, 0) RETURNING id`,
      [departmentId, c.keyKind, c.keyLabel.slice(0, 200), c.members[0]!.record.on],
    );
    ids.set(c.ref, row.id);
  }
  for (const { from, into } of plan.merges) {
    await m.query(
      `INSERT INTO group_dispute_members (cluster_id, record_kind, record_id, record_on, township_id, reason, joined_at)
       SELECT $2, record_kind, record_id, record_on, township_id, reason, joined_at FROM group_dispute_members WHERE cluster_id = $1
       ON CONFLICT DO NOTHING`,
      [from, into],
    );
    await m.query(`UPDATE group_disputes SET state = 'closed', merged_into = $2, version = version + 1, updated_at = now() WHERE id = $1`, [from, into]);
  }
  const rows: Array<{ clusterId: string; member: PlannedMember }> = [
    ...plan.creates.flatMap((c) => c.members.map((member) => ({ clusterId: ids.get(c.ref)!, member }))),
    ...plan.joins.map((j) => ({ clusterId: ids.get(j.clusterId) ?? j.clusterId, member: j.member })),
  ];
  if (rows.length) {
    await m.query(
      `INSERT INTO group_dispute_members (cluster_id, record_kind, record_id, record_on, township_id, reason)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::int[], $6::text[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.clusterId), rows.map((r) => r.member.record.kind), rows.map((r) => r.member.record.id), rows.map((r) => r.member.record.on),
        rows.map((r) => r.member.record.townshipId), rows.map((r) => r.member.reason)],
    );
  }
  const created = new Set(ids.values());
  const touched = [...new Set([...created, ...rows.map((r) => r.clusterId), ...plan.merges.map((x) => x.into)])];
  await refreshTotals(m, touched);
  return touched.map((id) => ({ id, created: created.has(id) }));
}

/**
 * Count, first and last dates, townships and label, from the members: the one source of truth for a cluster's totals.
 * The label is the spelling of the key (document number, project, place) most members use; on a tie the one used first.
 */
export async function refreshTotals(m: Db, clusterIds: string[]): Promise<void> {
  if (!clusterIds.length) return;
  await m.query(
    `WITH spelled AS (
       SELECT x.cluster_id, x.id, x.record_on,
              CASE g.key_kind WHEN 'document' THEN c.act_document_number WHEN 'project' THEN coalesce(c.act_project, s.act_project)
                              ELSE coalesce(c.act_place, s.act_place) END AS spelling
         FROM group_dispute_members x JOIN group_disputes g ON g.id = x.cluster_id
         LEFT JOIN cases c ON x.record_kind = 'case' AND c.id = x.record_id
         LEFT JOIN consultations s ON x.record_kind = 'consultation' AND s.id = x.record_id
        WHERE x.cluster_id = ANY($1::uuid[])),
     label AS (
       SELECT DISTINCT ON (cluster_id) cluster_id, left(spelling, 200) AS label
         FROM (SELECT cluster_id, spelling, count(*) AS n, min(record_on) AS first_on, min(id) AS first_id
                 FROM spelled WHERE spelling IS NOT NULL GROUP BY cluster_id, spelling) z
        ORDER BY cluster_id, n DESC, first_on, first_id),
     t AS (
       SELECT cluster_id, count(*)::int AS n, min(record_on) AS first_on, max(record_on) AS last_on,
              coalesce(array_agg(DISTINCT township_id ORDER BY township_id) FILTER (WHERE township_id IS NOT NULL), '{}') AS townships
         FROM group_dispute_members WHERE cluster_id = ANY($1::uuid[]) GROUP BY cluster_id)
     UPDATE group_disputes g SET member_count = t.n, first_on = t.first_on, last_on = t.last_on, township_ids = t.townships,
            key_label = coalesce(l.label, g.key_label), version = g.version + 1, updated_at = now()
       FROM t LEFT JOIN label l ON l.cluster_id = t.cluster_id
      WHERE g.id = t.cluster_id
        AND (g.member_count, g.first_on, g.last_on, g.township_ids, g.key_label)
            IS DISTINCT FROM (t.n, t.first_on, t.last_on, t.townships, coalesce(l.label, g.key_label))`,
    [clusterIds],
  );
}
