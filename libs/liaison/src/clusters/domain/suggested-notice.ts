import type { ClusterKeyKind } from './cluster-match';

export interface ClusterFacts {
  respondent: string;
  keyKind: ClusterKeyKind;
  keyLabel: string;
  memberCount: number;
  townships: string[];
  firstOn: string;
  lastOn: string;
}

const SUBJECT: Record<ClusterKeyKind, (label: string) => string> = {
  document: (l) => `文号为“${l}”的行政行为`,
  project: (l) => (/(项目|工程)$/.test(l) ? `“${l}”` : `“${l}”项目`),
  place: (l) => `“${l}”一带`,
};

/**
 * The risk notice (风险提示) detection suggests to liaison officers: facts only, no applicant is named. The text is what
 * the office found (the notice's 情况 after 「本机关…发现：」), so it names no addressee of its own: the notice's
 * recipients are chosen when it is drafted, and may include a township beside the respondent.
 */
export function suggestedRiskNotice(f: ClusterFacts): { title: string; text: string } {
  const where = f.townships.length ? `，涉及${f.townships.join('、')}${f.townships.length}个街乡镇` : '';
  return {
    title: `关于${SUBJECT[f.keyKind](f.keyLabel)}可能引发群体性纠纷的风险提示`,
    text:
      `${f.firstOn}至${f.lastOn}，本机关共收到针对${f.respondent}${SUBJECT[f.keyKind](f.keyLabel)}的行政复议申请及咨询${f.memberCount}件${where}，` +
      `已呈现群体性纠纷苗头，存在群诉群访风险。`,
  };
}

/**
 * The alert texts: a new cluster, or one that grew (the same alert, updated: never a second "new cluster"). Alerts leave
 * the system (SMS, e-mail, webhook): a place may be where an applicant lives, so a cluster found by place is named by its
 * number and the place is read in the cluster itself.
 */
export function alertText(f: ClusterFacts & { id: string }, members: string[], before: number | null): { title: string; body: string } {
  const byPlace = f.keyKind === 'place';
  const subject = byPlace ? `线索${clusterNumber(f.id)}（争议地点相近，地点详见线索）` : f.keyLabel;
  const head = before == null
    ? `发现群体性纠纷苗头：${f.respondent}，${subject}（${f.memberCount}件）`
    : `群体性纠纷苗头扩大：${f.respondent}，${subject}（由${before}件增至${f.memberCount}件）`;
  const notice = suggestedRiskNotice(f);
  const suggestion = byPlace ? [`建议发送风险提示，全文见线索${clusterNumber(f.id)}`] : [`建议发送风险提示：${notice.title}`, notice.text];
  const body = [`关联记录：${members.join('、')}`, `涉及街乡镇：${f.townships.join('、') || '区复议机构'}`, `期间：${f.firstOn}至${f.lastOn}`,
    ...suggestion, '涉及群体性纠纷的案件应当组织听证（行政复议法第五十条）。'].join('\n');
  return { title: head.slice(0, 200), body };
}

/** How officers refer to a cluster in texts that leave the system: the first 8 characters of its id. */
export const clusterNumber = (id: string): string => id.slice(0, 8).toUpperCase();
