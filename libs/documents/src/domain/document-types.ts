/** The documents the office issues (domain.md §7). One template file per type: templates/documents/<type>.json. */
export const DOCUMENT_TYPES = [
  'receipt',
  'correction-notice',
  'refusal-decision',
  'acceptance-notice',
  'reply-notice',
  'third-party-notice',
  'hearing-notice',
  'suspension-notice',
  'resumption-notice',
  'extension-notice',
  'termination-decision',
  'mediation-document',
  'decision',
  // Mediation centre (domain.md §6)
  'mediation-referral',
  'mediation-record',
  'mediation-agreement',
  'mediation-termination-notice',
  // Court liaison (domain.md §3.11, §7)
  'risk-notice',
  'opinion-letter',
  'suggestion-letter',
  // ARL 79(2): an effective decision or opinion letter copied to the respondent's superior
  'copy-report',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const isDocumentType = (value: unknown): value is DocumentType =>
  typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);

/** What a document belongs to. Mediation files, risk notices and letters may exist without a case. */
export type DocumentOwnerKind = 'case' | 'mediation' | 'risk-notice' | 'letter';

export interface DocumentOwner {
  kind: DocumentOwnerKind;
  id: string;
  /** The reconsideration case the document also belongs to (its timeline and document list), if any. */
  caseId?: string | null;
}

/** Placeholder values: text, or a list (printed as numbered paragraphs, or joined with 、 inside a sentence). */
export type DocumentData = Record<string, string | string[]>;
