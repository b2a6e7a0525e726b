import type { Cluster, NoticeDraft } from './api';

/** The form's values for a risk notice: lists as one line each. */
export interface DraftValues {
  title: string;
  summary: string;
  reasons: string;
  suggestions: string;
  departmentIds: number[];
  responseDays?: number;
}

/**
 * The suggested risk notice of a group-dispute cluster as a draft: the API's title and text, the reasons drawn from why
 * the records are in the cluster, the respondent department as recipient, and every member linked (cases and
 * consultations), so the notice names what it is about.
 */
export function draftFromCluster(c: Cluster): { values: DraftValues; caseIds: string[]; consultationIds: string[]; clusterId: string } {
  const reasons = [
    `${c.firstOn}至${c.lastOn}，${c.memberCount}件行政复议申请及咨询针对${c.respondent}同一事项（${c.keyLabel}）集中出现`,
    ...(c.townships.length > 1 ? [`涉及${c.townships.join('、')}${c.townships.length}个街乡镇，呈跨区域聚集趋势`] : []),
  ];
  return {
    values: {
      title: c.suggestedNotice.title,
      summary: c.suggestedNotice.text,
      reasons: reasons.join('\n'),
      suggestions: ['组织排查涉及人员诉求，做好政策解释和矛盾化解工作', '依法审慎作出和执行相关行政行为，防止引发群诉群访'].join('\n'),
      departmentIds: [c.respondentDepartmentId],
    },
    caseIds: c.members.filter((m) => m.recordKind === 'case').map((m) => m.recordId),
    consultationIds: c.members.filter((m) => m.recordKind === 'consultation').map((m) => m.recordId),
    clusterId: c.id,
  };
}

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** The form's values → the API's RiskNoticeDto. */
export function noticeBody(v: DraftValues, links: { caseIds: string[]; consultationIds: string[] }): NoticeDraft {
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    reasons: lines(v.reasons),
    suggestions: lines(v.suggestions),
    departmentIds: v.departmentIds,
    ...(links.caseIds.length ? { caseIds: links.caseIds } : {}),
    ...(links.consultationIds.length ? { consultationIds: links.consultationIds } : {}),
    ...(v.responseDays ? { responseDays: v.responseDays } : {}),
  };
}
