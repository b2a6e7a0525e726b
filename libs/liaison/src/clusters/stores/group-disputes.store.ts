import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { ClusterPlan, PlannedMember } from '../domain/cluster-plan';
import type { ClusterState } from '../entities';

/**
 * The group_disputes aggregate (a cluster and its members, group_dispute_members), typed through the generated schema
 * (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */
type Db = SqlRunner;

export interface ClusterChange {
  id: string;
  created: boolean;
}

/** Writes a detection plan: new clusters, merges, members (a repeat inserts nothing), then each cluster's totals. */
export async function writePlan(m: Db, departmentId: number, plan: ClusterPlan): Promise<ClusterChange[]> {
  const ids = new Map<string, string>();
  for (const c of plan.creates) {
    const [row] = await rawRows<RowOf<'group_disputes', 'id'>>(
      m,
      `INSERT INTO group_disputes (respondent_department_id, key_kind, key_label, first_on, last_on, member_count)
       VALUES ($1, $2, $3, $4, $4, 0) RETURNING id`,
      [departmentId, c.keyKind, c.keyLabel.slice(0, 200), c.members[0]!.record.on],
    );
    ids.set(c.ref, row!.id);
  }
  for (const { from, into } of plan.merges) {
    await rawExec(
      m,
      `INSERT INTO group_dispute_members (cluster_id, record_kind, record_id, record_on, township_id, reason, joined_at)
       SELECT $2, record_kind, record_id, record_on, township_id, reason, joined_at FROM group_dispute_members WHERE cluster_id = $1
       ON CONFLICT DO NOTHING`,
      [from, into],
    );
    await rawExec(
      m,
      `UPDATE group_disputes SET state = 'closed', merged_into = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [from, into],
    );
  }
  const rows: Array<{ clusterId: string; member: PlannedMember }> = [
    ...plan.creates.flatMap((c) => c.members.map((member) => ({ clusterId: ids.get(c.ref)!, member }))),
    ...plan.joins.map((j) => ({ clusterId: ids.get(j.clusterId) ?? j.clusterId, member: j.member })),
  ];
  if (rows.length) {
    await rawExec(
      m,
      `INSERT INTO group_dispute_members (cluster_id, record_kind, record_id, record_on, township_id, reason)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::int[], $6::text[]) ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.clusterId),
        rows.map((r) => r.member.record.kind),
        rows.map((r) => r.member.record.id),
        rows.map((r) => r.member.record.on),
        rows.map((r) => r.member.record.townshipId),
        rows.map((r) => r.member.reason),
      ],
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
  await rawExec(
    m,
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

/** What an alert needs to know of a cluster: its state, size, the size last alerted and that alert's notifications. */
export async function alertState(m: Db, id: string) {
  const [row] = await rawRows<RowOf<'group_disputes', 'state' | 'member_count' | 'alerted_count' | 'alert_notification_ids'>>(
    m,
    `SELECT state, member_count, alerted_count, alert_notification_ids FROM group_disputes WHERE id = $1`,
    [id],
  );
  return row;
}

/** Records that the cluster's alert (these notifications) now covers every member. */
export async function markAlerted(m: Db, id: string, notificationIds: readonly string[]): Promise<void> {
  await rawExec(m, `UPDATE group_disputes SET alerted_count = member_count, alert_notification_ids = $2::bigint[] WHERE id = $1`, [
    id,
    [...notificationIds],
  ]);
}

/** Whether the audit trail has a follow-up of this cluster's alert on `day` (a Shanghai date). */
export async function followedUpOn(m: Db, clusterId: string, day: string): Promise<boolean> {
  const rows = await rawRows<{ '?column?': number }>(
    m,
    `SELECT 1 FROM audit_log WHERE chain = $1 AND action = 'group_dispute.grow' AND summary->>'followUp' = 'true'
        AND (occurred_at AT TIME ZONE 'Asia/Shanghai')::date = $2::date LIMIT 1`,
    [`group_dispute:${clusterId}`, day],
  );
  return rows.length > 0;
}

/** Dismisses an open cluster at `version` (conditional: the new version, or undefined when it is gone, moved on or not open). */
export async function dismissOpen(m: Db, id: string, version: number, by: string, reason: string): Promise<number | undefined> {
  const [row] = await rawRows<RowOf<'group_disputes', 'version'>>(
    m,
    `UPDATE group_disputes SET state = 'dismissed', dismissed_by = $3, dismissed_reason = $4, dismissed_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND state = 'open' RETURNING version`,
    [id, version, by, reason],
  );
  return row?.version;
}

/** A cluster's state and version, or undefined. */
export async function stateAndVersion(m: Db, id: string) {
  const [row] = await rawRows<{ state: ClusterState; version: Row<'group_disputes'>['version'] }>(
    m,
    'SELECT state, version FROM group_disputes WHERE id = $1',
    [id],
  );
  return row;
}

const SUMMARY_SQL = `SELECT g.*, d.name AS respondent,
    coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM townships t WHERE t.id = ANY(g.township_ids)), '{}') AS townships
  FROM group_disputes g JOIN departments d ON d.id = g.respondent_department_id`;

/** A cluster with its respondent's name and its townships' names. */
export type ClusterSummaryRow = Omit<Row<'group_disputes'>, 'state'> & {
  state: ClusterState;
  respondent: Row<'departments'>['name'];
  townships: Array<Row<'townships'>['name']>;
};

/** Clusters in one state, most recently active first. */
export function summaries(m: Db, state: ClusterState, limit: number): Promise<ClusterSummaryRow[]> {
  return rawRows<ClusterSummaryRow>(m, `${SUMMARY_SQL} WHERE g.state = $2 ORDER BY g.last_on DESC, g.id LIMIT $1`, [limit, state]);
}

/** The same list after a keyset position (last date and id of the previous page), `limit` rows. */
export function summariesAfter(
  m: Db,
  state: ClusterState,
  limit: number,
  after: { lastOn: string; id: string } | null,
): Promise<ClusterSummaryRow[]> {
  return rawRows<ClusterSummaryRow>(
    m,
    `${SUMMARY_SQL} WHERE g.state = $2 AND ($3::date IS NULL OR g.last_on < $3::date OR (g.last_on = $3::date AND g.id > $4::uuid))
      ORDER BY g.last_on DESC, g.id LIMIT $1`,
    [limit, state, after?.lastOn ?? null, after?.id ?? null],
  );
}

/** One cluster's summary, or undefined. */
export async function summary(m: Db, id: string): Promise<ClusterSummaryRow | undefined> {
  const [row] = await rawRows<ClusterSummaryRow>(m, `${SUMMARY_SQL} WHERE g.id = $1`, [id]);
  return row;
}

export type MemberRow = RowOf<'group_dispute_members', 'record_kind' | 'record_id' | 'record_on' | 'reason' | 'joined_at'> & {
  township: Row<'townships'>['name'] | null;
  label: string;
};

/** A cluster's members in date order, each labelled by its case number or as a consultation (township, date). */
export function members(m: Db, clusterId: string): Promise<MemberRow[]> {
  return rawRows<MemberRow>(
    m,
    `SELECT gm.record_kind, gm.record_id, gm.record_on, gm.reason, gm.joined_at, t.name AS township,
            coalesce(c.case_number, '咨询（' || coalesce(t.name, '区复议机构') || '，' || gm.record_on || '）') AS label
       FROM group_dispute_members gm LEFT JOIN townships t ON t.id = gm.township_id
       LEFT JOIN cases c ON gm.record_kind = 'case' AND c.id = gm.record_id
      WHERE gm.cluster_id = $1 ORDER BY gm.record_on, gm.id`,
    [clusterId],
  );
}

/** A cluster's state, its row share-locked (a dismissal waits for a notice drafted from it, and the draft for the dismissal). */
export async function shareLockState(m: Db, id: string): Promise<ClusterState | undefined> {
  const [row] = await rawRows<{ state: ClusterState }>(m, 'SELECT state FROM group_disputes WHERE id = $1 FOR SHARE', [id]);
  return row?.state;
}
