import { DomainError } from '@fuyi/kernel';

export type LiaisonSubject = 'notice' | 'letter' | 'lawsuit';
const NAMES: Record<LiaisonSubject, [string, string]> = {
  notice: ['LIAISON_NOTICE', '风险提示函'],
  letter: ['LIAISON_LETTER', '意见书（建议书）'],
  lawsuit: ['LIAISON_LAWSUIT', '应诉案件'],
};

export const LiaisonErrors = {
  notFound: (s: LiaisonSubject) => new DomainError(`${NAMES[s][0]}_NOT_FOUND`, `${NAMES[s][1]}不存在或无权查看`, 'not_found'),
  versionConflict: (s: LiaisonSubject, expected: number, actual: number) =>
    new DomainError(`${NAMES[s][0]}_VERSION_CONFLICT`, `${NAMES[s][1]}已被他人修改，请刷新后重新操作`, 'conflict', { expectedVersion: expected, currentVersion: actual }),
  illegalTransition: (s: LiaisonSubject, state: string, stateLabel: string, what: string) =>
    new DomainError(`${NAMES[s][0]}_ILLEGAL_TRANSITION`, `${NAMES[s][1]}当前状态为"${stateLabel}"，不能${what}`, 'conflict', { state }),
  invalid: (field: string, message: string) => new DomainError('LIAISON_INVALID_INPUT', message, 'invalid', { fields: [{ field, message }] }),
  personalData: (field: string) =>
    new DomainError('LIAISON_PERSONAL_DATA', '风险提示函内容不得包含身份证号码或电话号码', 'invalid', { fields: [{ field, message: '不得包含身份证号码或电话号码' }] }),
  unknownDepartment: (field: string) =>
    new DomainError('LIAISON_UNKNOWN_DEPARTMENT', '部门不存在', 'invalid', { fields: [{ field, message: '部门不存在' }] }),
  unknownSubject: (field: string) =>
    new DomainError('LIAISON_UNKNOWN_SUBJECT', '关联的案件或咨询登记不存在', 'invalid', { fields: [{ field, message: '关联的案件或咨询登记不存在' }] }),
  unknownCluster: () =>
    new DomainError('LIAISON_UNKNOWN_SUBJECT', '群体性纠纷线索不存在', 'invalid', { fields: [{ field: 'clusterId', message: '群体性纠纷线索不存在' }] }),
  recipientNotFound: () => new DomainError('LIAISON_NOTICE_RECIPIENT_NOT_FOUND', '该部门不是本风险提示函的收函部门', 'not_found'),
  recipientAlready: (what: string) => new DomainError('LIAISON_NOTICE_RECIPIENT_DONE', `该部门已${what}`, 'conflict'),
  noServedDecision: (state: string) =>
    new DomainError('LIAISON_NO_SERVED_DECISION', '该案件尚未送达行政复议决定，也未作出不予受理或终止决定，不能登记行政诉讼', 'conflict', { state }),
  lawsuitDuplicate: () => new DomainError('LIAISON_LAWSUIT_DUPLICATE', '该法院案号已登记', 'conflict'),
  hearingNotFound: () => new DomainError('LIAISON_HEARING_NOT_FOUND', '该开庭记录不存在', 'not_found'),
  hearingDuplicate: () =>
    new DomainError('LIAISON_HEARING_DUPLICATE', '该日期的同类庭审已登记，请修改原记录', 'conflict', { fields: [{ field: 'heldOn', message: '该日期的同类庭审已登记' }] }),
  judgmentRecorded: () => new DomainError('LIAISON_LAWSUIT_JUDGED', '该案件已登记裁判结果', 'conflict'),
  hearingAfterJudgment: (judgmentOn: string) =>
    new DomainError('LIAISON_HEARING_AFTER_JUDGMENT', `该案件已于${judgmentOn}作出裁判，不能登记此后的庭审`, 'conflict', { judgmentOn, fields: [{ field: 'heldOn', message: '庭审日期不能晚于裁判日期' }] }),
};
