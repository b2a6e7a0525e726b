import type { EntityManager } from 'typeorm';
import { DomainError } from '@fuyi/kernel';
import { checkDocumentData } from '@fuyi/documents';
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

/**
 * The texts go into the .docx notice on sending: refuse personal data (ID, mobile and landline numbers) when the
 * draft is written, so an approved notice cannot be stuck at send (DOCUMENT_DATA_PERSONAL names the field).
 */
export function checkNoticeText(d: Pick<NoticeDraft, 'title' | 'summary' | 'reasons' | 'suggestions'>): void {
  for (const field of ['title', 'summary', 'reasons', 'suggestions'] as const) {
    try {
      checkDocumentData({ [field]: d[field] });
    } catch (e) {
      // Re-stated with the request's own field name (not the document's data.<key>); other checks stay with the DTO.
      if (e instanceof DomainError && e.code === 'DOCUMENT_DATA_PERSONAL') throw LiaisonErrors.personalData(field);
      throw e;
    }
  }
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
