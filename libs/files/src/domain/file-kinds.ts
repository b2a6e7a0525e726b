/** What a stored file belongs to: the owners issue 18 names, each with its own scoping rules. */
export const FILE_OWNER_TYPES = ['case', 'mediation-file', 'risk-notice', 'letter', 'case-document'] as const;
export type FileOwnerType = (typeof FILE_OWNER_TYPES)[number];

/** 证据目录: the kind of each material in the case file (issue 18 item 3). */
export const FILE_KINDS = [
  'applicant-material', 'respondent-reply', 'respondent-evidence', 'hearing-record', 'agreement', 'service-receipt', 'other',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  'applicant-material': '申请人材料',
  'respondent-reply': '被申请人答复书',
  'respondent-evidence': '被申请人证据',
  'hearing-record': '听证笔录',
  agreement: '调解协议/和解协议',
  'service-receipt': '送达回证',
  other: '其他材料',
};

/**
 * Issue 18 item 6: the kind of a file that is a later version of an issued document (owner type `case-document`): not
 * a material of the evidence catalogue, never uploaded through the catalogue's routes.
 */
export const DOCUMENT_VERSION_KIND = 'document-version';
export const DOCUMENT_VERSION_KIND_LABEL = '文书签章版/更正版';

/** Virus scan state (issue 18 item 5): nothing is served unless 'clean' or 'not-scanned' (scanning off). */
export type ScanState = 'not-scanned' | 'clean' | 'quarantined';
