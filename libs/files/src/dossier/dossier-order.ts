import type { FileKind } from '../domain/file-kinds';

/**
 * Issue 18 item 6: the 卷内目录 lists the case file in procedural order — the application and its materials, acceptance,
 * the respondent's reply and evidence, the hearing (and suspension, extension), the decision or agreement, the service
 * receipts, then anything else — and by date within each part.
 */
export const DOSSIER_PARTS = ['申请及材料', '受理', '答复及证据', '审理', '决定、调解书及协议', '送达', '其他'] as const;

const PART_OF_KIND: Record<FileKind, number> = {
  'applicant-material': 0,
  'respondent-reply': 2,
  'respondent-evidence': 2,
  'hearing-record': 3,
  agreement: 4,
  'service-receipt': 5,
  other: 6,
};

const PART_OF_DOCUMENT: Record<string, number> = {
  receipt: 0,
  'correction-notice': 0,
  'acceptance-notice': 1,
  'refusal-decision': 1,
  'reply-notice': 1,
  'third-party-notice': 1,
  'hearing-notice': 3,
  'suspension-notice': 3,
  'resumption-notice': 3,
  'extension-notice': 3,
  'mediation-referral': 3,
  'mediation-record': 3,
  decision: 4,
  'termination-decision': 4,
  'mediation-document': 4,
  'mediation-agreement': 4,
  'mediation-termination-notice': 4,
};

export const partOfFile = (kind: string): number => PART_OF_KIND[kind as FileKind] ?? 6;
export const partOfDocument = (type: string): number => PART_OF_DOCUMENT[type] ?? 6;

export interface DossierItem {
  part: number;
  /** YYYY-MM-DD: the day received (a material) or issued (a document). */
  date: string;
  /** Tie-break within a day: when it was recorded. */
  at: string;
}

export function dossierOrder<T extends DossierItem>(items: T[]): T[] {
  return [...items].sort((a, b) => a.part - b.part || a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
}

/** `001-行政复议申请书.pdf`: the number first, so the package lists in the catalogue's order; no path or reserved characters. */
export function entryName(seq: number, title: string, ext: string): string {
  const safe = title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').slice(0, 120);
  return `${String(seq).padStart(3, '0')}-${safe}${ext ? `.${ext}` : ''}`;
}

/** The title without its extension, and the extension of the stored type. */
export function splitName(filename: string, mime: string): { title: string; ext: string } {
  const byMime: Record<string, string> = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/ofd': 'ofd',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  };
  const dot = filename.lastIndexOf('.');
  const title = dot > 0 ? filename.slice(0, dot) : filename;
  return { title, ext: byMime[mime] ?? (dot > 0 ? filename.slice(dot + 1) : '') };
}

/** 卷内目录 dates are written as eight digits (20261110). */
export const catalogueDate = (iso: string) => iso.replace(/-/g, '');
