import type { EntityManager } from 'typeorm';
import { LiaisonErrors } from './liaison-errors';

/** What a risk notice draft says; the recipients and links are replaced as a whole on each edit. */
export interface NoticeDraft {
  title: string;
  summary: string;
  reasons: string[];
  suggestions: string[];
  departmentIds: number[];
  caseIds?: string[];
  consultationIds?: string[];
  /** Working days to respond; the office's setting when absent. */
  responseDays?: number;
}

/** Checks referenced departments, cases and consultations exist, so nothing half-valid is written. */
export async function checkNoticeReferences(m: EntityManager, d: NoticeDraft): Promise<void> {
  const departments = [...new Set(d.departmentIds)];
  const [{ n }] = await m.query('SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::int[])', [departments]);
  if (n !== departments.length) throw LiaisonErrors.unknownDepartment('departmentIds');
  for (const [field, table, ids] of [['caseIds', 'cases', d.caseIds], ['consultationIds', 'consultations', d.consultationIds]] as const) {
    const unique = [...new Set(ids ?? [])];
    if (!unique.length) continue;
    const [{ n: found }] = await m.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [unique]);
    if (found !== unique.length) throw LiaisonErrors.unknownSubject(field);
  }
}

/** Replaces the recipients (not yet sent) and links of a draft. */
export async function writeNoticeParts(m: EntityManager, noticeId: string, d: NoticeDraft): Promise<void> {
  await m.query('DELETE FROM liaison_notice_recipients WHERE notice_id = $1', [noticeId]);
  await m.query('DELETE FROM liaison_notice_links WHERE notice_id = $1', [noticeId]);
  await m.query(
    `INSERT INTO liaison_notice_recipients (notice_id, department_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
    [noticeId, [...new Set(d.departmentIds)]],
  );
  const links = [
    ...(d.caseIds ?? []).map((id) => ['case', id]),
    ...(d.consultationIds ?? []).map((id) => ['consultation', id]),
  ];
  if (links.length) {
    await m.query(
      `INSERT INTO liaison_notice_links (notice_id, subject_kind, subject_id)
       SELECT $1, k, i FROM unnest($2::text[], $3::uuid[]) AS t(k, i) ON CONFLICT DO NOTHING`,
      [noticeId, links.map((l) => l[0]), links.map((l) => l[1])],
    );
  }
}
