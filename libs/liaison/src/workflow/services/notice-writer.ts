import type { SqlRunner } from '@fuyi/platform';
import { DomainError } from '@fuyi/kernel';
import { checkDocumentData } from '@fuyi/documents';
import { LiaisonErrors } from './liaison-errors';
import * as RiskNotices from '../stores/risk-notices.store';

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
export async function checkNoticeReferences(m: SqlRunner, d: NoticeDraft): Promise<void> {
  const departments = [...new Set(d.departmentIds)];
  if ((await RiskNotices.countExisting(m, 'departments', departments)) !== departments.length) throw LiaisonErrors.unknownDepartment('departmentIds');
  for (const [field, table, ids] of [['caseIds', 'cases', d.caseIds], ['consultationIds', 'consultations', d.consultationIds]] as const) {
    const unique = [...new Set(ids ?? [])];
    if (!unique.length) continue;
    if ((await RiskNotices.countExisting(m, table, unique)) !== unique.length) throw LiaisonErrors.unknownSubject(field);
  }
}

/** Replaces the recipients (not yet sent) and links of a draft. */
export async function writeNoticeParts(m: SqlRunner, noticeId: string, d: NoticeDraft): Promise<void> {
  const links = [
    ...(d.caseIds ?? []).map((id) => ['case', id] as const),
    ...(d.consultationIds ?? []).map((id) => ['consultation', id] as const),
  ];
  await RiskNotices.replaceDraftParts(m, noticeId, [...new Set(d.departmentIds)], links);
}
