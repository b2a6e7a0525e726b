/**
 * ARL 79(2): 县级以上地方各级人民政府办理以本级人民政府工作部门为被申请人的行政复议案件，应当将发生法律效力的行政复议决定书、
 * 意见书同时抄告被申请人的上一级主管部门. Plain data: what is copied, when it applies, and what still blocks the copy.
 *
 * Readings chosen where the statute needs one (libs/liaison/README.md):
 * - only a respondent that is a work department of the district government (departments.kind = 'department'); a
 *   street/town government is not one, and its superior is the district government, the reconsideration body itself;
 * - "发生法律效力": a decision on its service (ARL 75), i.e. when every applicant has been served; an opinion letter when
 *   its recipient receives it (the day its ARL 76 feedback period starts);
 * - only the decision (决定书, ARL 63-72) and the opinion letter (意见书, ARL 76): not a refusal, termination or 调解书.
 */
export type CopySource = 'decision' | 'opinion-letter';

export const COPY_SOURCE_TITLES: Record<CopySource, string> = { decision: '行政复议决定书', 'opinion-letter': '行政复议意见书' };

export type CopyReportState = 'pending' | 'issued';
export const COPY_REPORT_STATE_LABELS: Record<CopyReportState, string> = { pending: '待抄告', issued: '已抄告' };

/** ARL 79(2) applies to cases whose respondent is a work department of the district government. */
export const copyReportRequired = (respondentKind: string): boolean => respondentKind === 'department';

/** Why the copy cannot be issued yet (null: it can). */
export function copyBlockedBy(f: { source: CopySource; superior: string | null; sourceDocumentNumber: string | null }): string | null {
  if (!f.superior?.trim()) return '被申请人的上一级主管部门未配置，请系统管理员在基础数据中设置后抄告';
  if (!f.sourceDocumentNumber) return `${COPY_SOURCE_TITLES[f.source]}尚未出具，出具后抄告`;
  return null;
}
