import type { FileKind } from './files-api';

/** 证据目录 kinds, as the API names them (libs/files file-kinds.ts). */
const label: Record<FileKind, string> = {
  'applicant-material': '申请人材料',
  'respondent-reply': '被申请人答复书',
  'respondent-evidence': '被申请人证据',
  'hearing-record': '听证笔录',
  agreement: '调解协议/和解协议',
  'service-receipt': '送达回证',
  other: '其他材料',
};
const options = (kinds: FileKind[]) => kinds.map((value) => ({ value, label: label[value] }));

/** Every kind (a case's evidence catalogue). */
export const FILE_KIND_OPTIONS = options(Object.keys(label) as FileKind[]);
/** What a mediation file holds: the parties' papers, the session records, the agreement, receipts, the rest. */
export const MEDIATION_FILE_KINDS = options(['applicant-material', 'hearing-record', 'agreement', 'service-receipt', 'other']);
/** What a risk notice or a letter holds: the departments' signed receipts (送达回证), written answers and feedback (其他材料). */
export const LIAISON_FILE_KINDS = options(['service-receipt', 'other']);
