import type { paths } from '@generated/api-types';
import type { ActionName } from './api';

/** A case route that takes a POST (what an action sends). */
export type ActionPath = {
  [P in keyof paths]: P extends `/api/cases/{id}${string}` ? ([NonNullable<paths[P]['post']>] extends [never] ? never : P) : never;
}[keyof paths];

export type FieldKind = 'date' | 'text' | 'textarea' | 'number' | 'select' | 'list' | 'party' | 'check';

/** One input an action needs, named as in its DTO (apps/api/src/dto); a dotted name is a nested object ('party.name'). */
export interface ActionField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: Array<{ value: string | number; label: string }>;
  min?: number;
  max?: number;
  help?: string;
}

export interface ActionSpec {
  path: ActionPath;
  fields: ActionField[];
  /** Sends no version (the route is not a change of the case's state). */
  unversioned?: boolean;
}

const opts = (m: Record<string | number, string>) => Object.entries(m).map(([value, label]) => ({ value: /^\d+$/.test(value) ? Number(value) : value, label }));

/** ARL 39(1): the grounds of suspension, numbered as in the law. */
export const SUSPENSION_GROUNDS = opts({
  1: '（一）作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  2: '（二）作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人',
  3: '（三）作为申请人的公民下落不明',
  4: '（四）作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  5: '（五）申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  6: '（六）依法进行调解、和解，申请人和被申请人同意中止',
  7: '（七）涉及的法律适用问题需要有权机关作出解释或者确认',
  8: '（八）审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  9: '（九）有本法第五十六条或者第五十七条规定的情形',
  10: '（十）需要中止行政复议的其他情形',
});

/** ARL 41: the grounds of termination. */
const TERMINATION_GROUNDS = opts({
  1: '（一）申请人撤回行政复议申请，准予撤回',
  2: '（二）作为申请人的公民死亡，没有近亲属或者近亲属放弃行政复议权利',
  3: '（三）作为申请人的法人或者其他组织终止，没有或者放弃权利义务承受人',
  4: '（四）行政拘留或限制人身自由的强制措施变更为刑事拘留',
  5: '（五）依第三十九条第一款第一、二、四项中止满六十日，中止原因仍未消除',
});

export const DECISION_TYPES = opts({
  change: '变更（第六十三条）',
  revoke: '撤销（第六十四条）',
  partial_revoke: '部分撤销（第六十四条）',
  confirm_illegal: '确认违法（第六十五条）',
  order_performance: '责令履行（第六十六条）',
  confirm_void: '确认无效（第六十七条）',
  uphold: '维持（第六十八条）',
  reject_request: '驳回行政复议请求（第六十九条）',
  dismiss_application: '驳回行政复议申请（第三十三条）',
  agreement: '行政协议决定（第七十一条）',
  compensation: '行政赔偿决定（第七十二条）',
});

const METHODS = opts({ direct: '直接送达', post: '邮寄送达', electronic: '电子送达', agent: '委托送达', notice: '公告送达' });
const HEARING_KINDS = opts({ listening: '听取意见', formal: '听证' });

const reason = (label = '理由', required = true): ActionField => ({ name: 'reason', label, kind: 'textarea', required });
const date = (name: string, label: string, required = false): ActionField => ({
  name,
  label,
  kind: 'date',
  required,
  help: required ? undefined : '不填为今天',
});
const party = (name = 'partyId'): ActionField => ({ name, label: '当事人', kind: 'party', required: true });

/** What each action of `allowedActions` sends and asks for (accept/refuse/request_correction are the intake page's). */
export const ACTIONS: Partial<Record<ActionName, ActionSpec>> = {
  suspend: {
    path: '/api/cases/{id}/suspend',
    fields: [
      { name: 'ground', label: '中止情形（第三十九条第一款）', kind: 'select', required: true, options: SUSPENSION_GROUNDS },
      date('from', '中止日期'),
      reason('中止理由', false),
      { name: 'consent.applicant', label: '申请人同意中止（第六项须填）', kind: 'check' },
      { name: 'consent.respondent', label: '被申请人同意中止（第六项须填）', kind: 'check' },
    ],
  },
  resume: { path: '/api/cases/{id}/resume', fields: [date('on', '恢复审理日期')] },
  abandon: { path: '/api/cases/{id}/abandon', fields: [] },
  receive_correction: { path: '/api/cases/{id}/correction-received', fields: [date('receivedOn', '收到补正材料日期')] },
  copy_sent: {
    path: '/api/cases/{id}/copy-sent',
    fields: [
      date('sentOn', '发送申请书副本日期', true),
      { name: 'method', label: '发送方式', kind: 'select', required: true, options: METHODS },
      date('receivedOn', '被申请人收到日期', true),
    ],
  },
  reply_received: {
    path: '/api/cases/{id}/reply-received',
    fields: [date('receivedOn', '收到答复日期', true), { name: 'documents', label: '收到的答复材料', kind: 'list', required: true }],
  },
  extend: {
    path: '/api/cases/{id}/extend',
    fields: [
      { name: 'days', label: '延长天数（不填以申请为准）', kind: 'number', min: 1, max: 30 },
      reason('理由（不填以申请为准）', false),
      date('approvedOn', '批准日期'),
    ],
  },
  request_extension: {
    path: '/api/cases/{id}/extension-request',
    fields: [{ name: 'days', label: '申请延长天数', kind: 'number', required: true, min: 1, max: 30 }, reason('延期理由'), date('requestedOn', '申请日期')],
  },
  return_extension: { path: '/api/cases/{id}/extension-request/return', fields: [reason('退回理由')] },
  convert_to_ordinary: { path: '/api/cases/{id}/convert-to-ordinary', fields: [reason('转为普通程序的理由'), date('approvedOn', '批准日期')] },
  submit_decision: {
    path: '/api/cases/{id}/decision',
    fields: [
      { name: 'type', label: '决定类型', kind: 'select', required: true, options: DECISION_TYPES },
      { name: 'summary', label: '决定理由与主文', kind: 'textarea', required: true },
      { name: 'redoPeriodDays', label: '责令重作期限（日，撤销时）', kind: 'number', min: 1, max: 365 },
      { name: 'compensationYuan', label: '赔偿金额（元）', kind: 'number', min: 0 },
      date('submittedOn', '提交日期'),
    ],
  },
  approve_decision: { path: '/api/cases/{id}/decision/approve', fields: [date('approvedOn', '批准日期')] },
  return_decision: { path: '/api/cases/{id}/decision/return', fields: [reason('退回理由')] },
  request_termination: {
    path: '/api/cases/{id}/termination-request',
    fields: [
      { name: 'ground', label: '终止情形（第四十一条）', kind: 'select', required: true, options: TERMINATION_GROUNDS },
      reason('终止的事实和理由'),
      date('requestedOn', '申请日期'),
    ],
  },
  return_termination: { path: '/api/cases/{id}/termination-request/return', fields: [reason('退回理由')] },
  terminate: {
    path: '/api/cases/{id}/terminate',
    fields: [
      { name: 'ground', label: '终止情形（不填以申请为准）', kind: 'select', options: TERMINATION_GROUNDS },
      reason('理由（不填以申请为准）', false),
      date('approvedOn', '批准日期'),
    ],
  },
  record_service: {
    path: '/api/cases/{id}/services',
    fields: [party(), { name: 'method', label: '送达方式', kind: 'select', required: true, options: METHODS }, date('servedOn', '送达日期', true)],
  },
  notify_party: {
    path: '/api/cases/{id}/parties/notified',
    fields: [party(), { name: 'method', label: '通知方式', kind: 'select', required: true, options: METHODS }, date('notifiedOn', '通知日期', true)],
  },
  add_party: {
    path: '/api/cases/{id}/parties',
    fields: [
      { name: 'role', label: '身份', kind: 'select', required: true, options: opts({ third_party: '第三人', agent: '代理人' }) },
      { name: 'party.kind', label: '类别', kind: 'select', required: true, options: opts({ person: '自然人', organisation: '法人或其他组织' }) },
      { name: 'party.name', label: '姓名/名称', kind: 'text', required: true },
      { name: 'party.idNumber', label: '身份证号码（自然人）', kind: 'text' },
      { name: 'party.creditCode', label: '统一社会信用代码（组织）', kind: 'text' },
      { name: 'party.legalRepresentative', label: '法定代表人（组织）', kind: 'text' },
      { name: 'party.phone', label: '联系电话', kind: 'text' },
      { name: 'party.address', label: '地址', kind: 'text' },
    ],
  },
  schedule_hearing: {
    path: '/api/cases/{id}/hearings',
    fields: [
      { name: 'kind', label: '方式', kind: 'select', required: true, options: HEARING_KINDS },
      date('heldOn', '日期', true),
      { name: 'place', label: '地点', kind: 'text', required: true },
      date('noticeSentOn', '听证通知送出日期（听证须提前5个工作日）'),
    ],
  },
  waive_hearing: {
    path: '/api/cases/{id}/hearing-waivers',
    fields: [{ name: 'kind', label: '类别', kind: 'select', required: true, options: HEARING_KINDS }, reason('理由')],
  },
  committee_opinion: {
    path: '/api/cases/{id}/committee-opinion',
    fields: [date('meetingOn', '会议日期', true), { name: 'opinion', label: '咨询意见', kind: 'textarea', required: true }],
  },
  conclude_mediation: {
    path: '/api/cases/{id}/mediation-settlement',
    fields: [
      { name: 'signedByAll', label: '调解书已经各方当事人签字', kind: 'check', required: true },
      { name: 'summary', label: '调解结果摘要', kind: 'textarea', required: true },
    ],
  },
  publish: { path: '/api/cases/{id}/publish', fields: [] },
  withdraw_publication: { path: '/api/cases/{id}/publication/withdraw', fields: [reason('撤回公开的理由')] },
  archive: { path: '/api/cases/{id}/archive', fields: [] },
};

/** The acceptance review has its own page (the application as registered beside the decision). */
export const INTAKE_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['accept', 'refuse', 'request_correction']);
