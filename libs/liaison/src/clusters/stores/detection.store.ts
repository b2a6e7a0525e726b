import { addDays } from '@fuyi/kernel';
import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { ClusterRecord, RecordKind } from '../domain/cluster-match';
import type { KnownCluster } from '../domain/cluster-plan';

type Db = SqlRunner;
export interface RecordRef {
  kind: RecordKind;
  id: string;
}
export type DeptRecord = ClusterRecord & { departmentId: number };

// A consultation followed by an application is that application (counted once): only unlinked consultations count.
const CASE_COLUMNS = `'case' AS kind, c.id, c.respondent_department_id AS department_id, (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date AS on,
  c.township_id, c.act_document_number AS doc, c.act_project AS project, c.act_place AS place, c.case_number AS label`;
const CONSULTATION_COLUMNS = `'consultation' AS kind, s.id, s.respondent_department_id AS department_id, (s.consulted_at AT TIME ZONE 'Asia/Shanghai')::date AS on,
  s.township_id, NULL AS doc, s.act_project AS project, s.act_place AS place,
  '咨询（' || coalesce(t.name, '区复议机构') || '，' || (s.consulted_at AT TIME ZONE 'Asia/Shanghai')::date || '）' AS label`;
const HAS_KEY = (p: string) => `(${p}.act_project IS NOT NULL OR ${p}.act_place IS NOT NULL)`;

/** A case or an unlinked consultation as detection reads it (CASE_COLUMNS / CONSULTATION_COLUMNS). */
type RecordRow = {
  kind: RecordKind;
  id: Row<'cases'>['id'];
  department_id: Row<'cases'>['respondent_department_id'];
  on: Row<'group_dispute_members'>['record_on'];
  township_id: Row<'cases'>['township_id'];
  doc: Row<'cases'>['act_document_number'];
  project: Row<'cases'>['act_project'];
  place: Row<'cases'>['act_place'];
  label: string;
};

const toRecord = (r: RecordRow): DeptRecord => ({
  kind: r.kind,
  id: r.id,
  departmentId: r.department_id,
  on: r.on,
  townshipId: r.township_id,
  documentNumber: r.doc,
  project: r.project,
  place: r.place,
  label: r.label,
});
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

/**
 * SQL side of detection (issue 19 item 2: typed rows): which records, which candidates, which clusters, the members
 * a followed consultation leaves and the scan watermarks. Matching itself is domain/cluster-match.
 */
export const ClusterRecords = {
  async load(m: Db, refs: RecordRef[]): Promise<DeptRecord[]> {
    const ids = (kind: RecordKind) => refs.filter((r) => r.kind === kind).map((r) => r.id);
    const rows = await rawRows<RecordRow>(
      m,
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[])
       UNION ALL
       SELECT ${CONSULTATION_COLUMNS} FROM consultations s LEFT JOIN townships t ON t.id = s.township_id
        WHERE s.id = ANY($2::uuid[]) AND s.case_id IS NULL AND s.respondent_department_id IS NOT NULL`,
      [ids('case'), ids('consultation')],
    );
    return rows.map(toRecord);
  },

  /**
   * Every record of one respondent department dated within [from − M, to + M], through the (respondent, date) indexes:
   * the only rows detection reads, however large the tables are.
   */
  async candidates(m: Db, departmentId: number, from: string, to: string, windowDays: number): Promise<DeptRecord[]> {
    const args = [departmentId, dayStart(addDays(from, -windowDays)), dayStart(addDays(to, windowDays + 1))];
    const rows = await rawRows<RecordRow>(
      m,
      `SELECT ${CASE_COLUMNS} FROM cases c
        WHERE c.respondent_department_id = $1 AND c.receipt_at >= $2 AND c.receipt_at < $3 AND (c.act_document_number IS NOT NULL OR ${HAS_KEY('c')})
       UNION ALL
       SELECT ${CONSULTATION_COLUMNS} FROM consultations s LEFT JOIN townships t ON t.id = s.township_id
        WHERE s.respondent_department_id = $1 AND s.consulted_at >= $2 AND s.consulted_at < $3 AND s.case_id IS NULL AND ${HAS_KEY('s')}`,
      args,
    );
    return rows.map(toRecord);
  },

  /** Live clusters (open or dismissed) of the department that reach into the window, with their members. */
  async memberships(
    m: Db,
    departmentId: number,
    from: string,
    windowDays: number,
  ): Promise<{ memberships: Map<string, string>; clusters: Map<string, KnownCluster> }> {
    const rows = await rawRows<
      RowOf<'group_disputes', 'id' | 'created_at'> &
        RowOf<'group_dispute_members', 'record_kind' | 'record_id'> & { state: KnownCluster['state']; dismissed_on: string | null }
    >(
      m,
      `SELECT g.id, g.state, g.created_at, (g.dismissed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS dismissed_on, gm.record_kind, gm.record_id
         FROM group_disputes g JOIN group_dispute_members gm ON gm.cluster_id = g.id
        WHERE g.respondent_department_id = $1 AND g.state IN ('open', 'dismissed') AND g.last_on >= $2`,
      [departmentId, addDays(from, -windowDays)],
    );
    const memberships = new Map<string, string>();
    const clusters = new Map<string, KnownCluster>();
    for (const r of rows) {
      memberships.set(`${r.record_kind}:${r.record_id}`, r.id);
      clusters.set(r.id, { id: r.id, state: r.state, createdAt: new Date(r.created_at).toISOString(), dismissedOn: r.dismissed_on });
    }
    return { memberships, clusters };
  },

  /**
   * An application that followed a consultation already in a cluster takes its place there (counted once). Returns the
   * clusters whose members changed. Only clusters of the department whose lock the caller holds: a consultation about
   * another respondent stays in that respondent's cluster (its detection run owns it).
   */
  async replaceFollowedConsultations(m: Db, departmentId: number, caseIds: string[]): Promise<string[]> {
    if (!caseIds.length) return [];
    const moved = await rawRows<RowOf<'group_dispute_members', 'cluster_id'>>(
      m,
      `UPDATE group_dispute_members gm
          SET record_kind = 'case', record_id = c.id, record_on = (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date, township_id = c.township_id,
              reason = gm.reason || '（该咨询已转为申请' || c.case_number || '，按一件计）'
         FROM consultations s JOIN cases c ON c.id = s.case_id, group_disputes g
        WHERE gm.record_kind = 'consultation' AND gm.record_id = s.id AND s.case_id = ANY($1::uuid[])
          AND g.id = gm.cluster_id AND g.respondent_department_id = $2 AND c.respondent_department_id = $2
          AND NOT EXISTS (SELECT 1 FROM group_dispute_members x WHERE x.record_kind = 'case' AND x.record_id = c.id AND x.cluster_id = gm.cluster_id)
      RETURNING gm.cluster_id`,
      [caseIds, departmentId],
    );
    const dropped = await rawRows<RowOf<'group_dispute_members', 'cluster_id'>>(
      m,
      `DELETE FROM group_dispute_members gm USING consultations s, group_disputes g
        WHERE gm.record_kind = 'consultation' AND gm.record_id = s.id AND s.case_id = ANY($1::uuid[])
          AND g.id = gm.cluster_id AND g.respondent_department_id = $2 RETURNING gm.cluster_id`,
      [caseIds, departmentId],
    );
    return [...new Set([...moved, ...dropped].map((r) => r.cluster_id))];
  },

  /** The next records created after the watermark (and before `until`: a transaction still open then is read next time). */
  async after(m: Db, kind: RecordKind, until: Date, limit: number): Promise<Array<RecordRef & { createdAt: string }>> {
    const table = kind === 'case' ? 'cases' : 'consultations';
    const rows = await rawRows<{ id: Row<'cases'>['id']; created_at: string }>(
      m,
      `SELECT r.id, r.created_at::text AS created_at FROM ${table} r, group_dispute_watermarks w
        WHERE w.record_kind = $1 AND (r.created_at, r.id) > (w.last_created_at, w.last_id) AND r.created_at < $2
        ORDER BY r.created_at, r.id LIMIT $3`,
      [kind, until, limit],
    );
    // created_at as text: microseconds survive (a Date would round them and read the same row again).
    return rows.map((r) => ({ kind, id: r.id, createdAt: r.created_at }));
  },

  /** Moves the watermark forward (never back) to the last record read. */
  async advance(m: Db, kind: RecordKind, last: { createdAt: string; id: string }): Promise<void> {
    await rawExec(
      m,
      `UPDATE group_dispute_watermarks SET last_created_at = $2::timestamptz, last_id = $3, updated_at = now()
        WHERE record_kind = $1 AND (last_created_at, last_id) < ($2::timestamptz, $3::uuid)`,
      [kind, last.createdAt, last.id],
    );
  },
};

/** The detection lock of one respondent department (transaction-scoped): one detection run per department at a time. */
export async function lockDepartmentDetection(m: Db, departmentId: number): Promise<void> {
  await rawExec(m, `SELECT pg_advisory_xact_lock(hashtext('fuyi.group-disputes'), $1::int)`, [departmentId]);
}

/** The respondent department's name. */
export async function departmentName(m: Db, departmentId: number): Promise<string> {
  const [row] = await rawRows<RowOf<'departments', 'name'>>(m, 'SELECT name FROM departments WHERE id = $1', [departmentId]);
  return row!.name;
}
