/** Categories the centre focuses on (domain.md §1, §6). */
export const MEDIATION_CATEGORIES = {
  expropriation: '征地拆迁',
  demolition: '拆违拆临',
  public_security: '治安罚款拘留',
  other: '其他',
} as const;
export type MediationCategory = keyof typeof MEDIATION_CATEGORIES;

/** Where a file comes from (issue #5 item 1). */
export const MEDIATION_SOURCES = {
  intake: '立案前引导调解（分中心或区级窗口）',
  window: '受理审查期内调解',
  case: '受理后案中调解（第三十九条第一款第六项）',
  court: '法院委派调解',
} as const;
export type MediationSource = keyof typeof MEDIATION_SOURCES;

/** How mediation ends (issue #5 item 5). */
export const MEDIATION_OUTCOMES = {
  agreement: '达成调解协议',
  self_correction: '被申请人自行纠正，申请人撤回',
  reconciliation: '双方和解，申请人撤回',
  given_up: '申请人放弃',
  failure: '调解不成',
  backed_out: '协议生效前一方反悔',
} as const;
export type MediationOutcome = keyof typeof MEDIATION_OUTCOMES;

/** Outcomes after which the applicant withdraws (ARL 41(1) once a case exists). */
export const WITHDRAWAL_OUTCOMES: readonly MediationOutcome[] = ['self_correction', 'reconciliation', 'given_up'];
/** 实质性化解: the dispute really ended (案结事了): agreements and withdrawals after self-correction or reconciliation. */
export const SUBSTANTIVE_OUTCOMES: readonly MediationOutcome[] = ['agreement', 'self_correction', 'reconciliation'];

export type PartyRole = 'applicant' | 'respondent' | 'third_party';
