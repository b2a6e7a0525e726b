/** Decision types of ARL 63-72 (and the agreement/compensation decisions), with whether each corrects the act. */
export const DECISION_TYPES = {
  change: { label: '变更', article: 'ARL 63', correction: true },
  revoke: { label: '撤销', article: 'ARL 64', correction: true },
  partial_revoke: { label: '部分撤销', article: 'ARL 64', correction: true },
  confirm_illegal: { label: '确认违法', article: 'ARL 65', correction: true },
  order_performance: { label: '责令履行', article: 'ARL 66', correction: true },
  confirm_void: { label: '确认无效', article: 'ARL 67', correction: true },
  uphold: { label: '维持', article: 'ARL 68', correction: false },
  reject_request: { label: '驳回行政复议请求', article: 'ARL 69', correction: false },
  dismiss_application: { label: '驳回行政复议申请', article: 'ARL 33', correction: false },
  agreement: { label: '行政协议决定', article: 'ARL 71', correction: true },
  compensation: { label: '行政赔偿决定', article: 'ARL 72', correction: true },
} as const;
export type DecisionType = keyof typeof DECISION_TYPES;

/** ALL 26: when the body upheld the act (incl. rejecting the request) it is co-defendant in a later lawsuit. */
export const UPHOLDING_DECISIONS: readonly DecisionType[] = ['uphold', 'reject_request'];

/**
 * ARL 70: after the respondent missed its reply the act is treated as without evidence, and the body "决定撤销、部分撤销
 * 该行政行为，确认该行政行为违法、无效或者决定被申请人在一定期限内履行": only these decide on the act then (变更 too is
 * refused: it rests on facts the respondent never proved). Not decisions on the act's merits, and outside that list:
 * the ARL 33 dismissal of the application, and the ARL 71/72 agreement and compensation decisions against the respondent.
 */
export const REPLY_MISSED_DECISIONS: readonly DecisionType[] = [
  'revoke', 'partial_revoke', 'confirm_illegal', 'confirm_void', 'order_performance', 'dismiss_application', 'agreement', 'compensation',
];

/** ARL 41: grounds of termination. */
export const TERMINATION_GROUNDS: Record<number, string> = {
  1: '申请人撤回行政复议申请，行政复议机构准予撤回',
  2: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  3: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  4: '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  5: '依照本法第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除',
};

export const SERVICE_METHODS = { direct: '直接送达', post: '邮寄送达', electronic: '电子送达', agent: '委托送达', notice: '公告送达' } as const;
