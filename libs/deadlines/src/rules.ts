/**
 * The statutory clocks of a reconsideration case (domain.md §4).
 * ARL = 行政复议法 (2023), ALL = 行政诉讼法, CPL = 民事诉讼法.
 */
export type RuleId =
  | 'application'
  | 'acceptance-review'
  | 'correction-notice'
  | 'applicant-correction'
  | 'copy-to-respondent'
  | 'respondent-reply'
  | 'simplified-copy'
  | 'simplified-reply'
  | 'hearing-notice'
  | 'decision'
  | 'decision-simplified'
  | 'suspension-cap'
  | 'opinion-feedback'
  | 'lawsuit'
  | 'mediation'
  | 'mediation-in-case'
  | 'risk-notice-response'
  | 'lawsuit-defence';

export type PeriodUnit = 'working' | 'calendar';
export type CountDirection = 'forward' | 'backward';

export interface RuleDefinition {
  id: RuleId;
  /** 期间长度（日） */
  period: number;
  /** ARL 88(2): the 3/5/7/10-day periods are working days; all others are calendar days (CPL 85). */
  unit: PeriodUnit;
  /** 'backward': the due date is the last day an act may happen before day 0 (hearing notice). */
  direction: CountDirection;
  /** Short citation, e.g. 'ARL 30'. */
  article: string;
  /** 中文名称，如「受理审查期限」 */
  label: string;
  /** What day 0 is, in Chinese (day 0 itself is never counted). */
  dayZero: string;
  /** Whether a recorded suspension (中止/障碍) stops the clock. */
  suspendable: boolean;
  /** Maximum extension in days (in the rule's unit); null = cannot be extended. */
  extensionCapDays: number | null;
}

/** Policy: ARL 31 says "可以适当延长" without a cap; the office caps it here. */
export const APPLICANT_CORRECTION_EXTENSION_CAP_DAYS = 10;
/** Policy: mediation before filing may be extended by consent up to this many days. */
export const MEDIATION_EXTENSION_CAP_DAYS = 30;
/** Policy: mediation after filing (suspension under ARL 39(1)(6)) may be extended up to this many days. */
export const MEDIATION_IN_CASE_EXTENSION_CAP_DAYS = 15;
/** ARL 62: the ordinary decision period may be extended once, by at most 30 days. */
export const DECISION_EXTENSION_CAP_DAYS = 30;

type Def = Omit<RuleDefinition, 'id' | 'direction'> & { direction?: CountDirection };

const defs: Record<RuleId, Def> = {
  // ARL 20(1): 60 days from knowing of the act; 20(2): resumes after the obstacle ends.
  application: {
    period: 60, unit: 'calendar', article: 'ARL 20', label: '申请行政复议期限',
    dayZero: '申请人知道或者应当知道该行政行为之日',
    suspendable: true, extensionCapDays: null,
  },
  // ARL 30: review within 5 days of receipt; not refused in time = deemed accepted.
  'acceptance-review': {
    period: 5, unit: 'working', article: 'ARL 30', label: '受理审查期限',
    dayZero: '收到行政复议申请之日，以任一接待窗口签收时间为准',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 31(1): correction notice within 5 days of receipt.
  'correction-notice': {
    period: 5, unit: 'working', article: 'ARL 31', label: '补正通知期限',
    dayZero: '收到行政复议申请之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 31(2): the applicant corrects within 10 days, extendable for good reason.
  'applicant-correction': {
    period: 10, unit: 'working', article: 'ARL 31', label: '申请人补正期限',
    dayZero: '申请人收到补正通知之日',
    suspendable: false, extensionCapDays: APPLICANT_CORRECTION_EXTENSION_CAP_DAYS,
  },
  // ARL 48: copy to the respondent within 7 days of acceptance.
  'copy-to-respondent': {
    period: 7, unit: 'working', article: 'ARL 48', label: '发送申请书副本期限',
    dayZero: '受理行政复议申请之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 48: written reply and evidence within 10 days of receiving the copy.
  'respondent-reply': {
    period: 10, unit: 'working', article: 'ARL 48', label: '被申请人答复期限',
    dayZero: '被申请人收到申请书副本之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 54: simplified procedure, copy within 3 days.
  'simplified-copy': {
    period: 3, unit: 'working', article: 'ARL 54', label: '简易程序发送副本期限',
    dayZero: '受理行政复议申请之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 54: simplified procedure, reply within 5 days.
  'simplified-reply': {
    period: 5, unit: 'working', article: 'ARL 54', label: '简易程序答复期限',
    dayZero: '被申请人收到申请书副本之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 51: written notice 5 days before the hearing; counted backwards from the hearing date.
  'hearing-notice': {
    period: 5, unit: 'working', direction: 'backward', article: 'ARL 51', label: '听证通知期限',
    dayZero: '举行听证之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 62: 60 days from acceptance, one extension of at most 30 days; suspension (ARL 39) pauses it.
  decision: {
    period: 60, unit: 'calendar', article: 'ARL 62', label: '行政复议决定期限',
    dayZero: '受理行政复议申请之日',
    suspendable: true, extensionCapDays: DECISION_EXTENSION_CAP_DAYS,
  },
  // ARL 62: simplified procedure, 30 days, no extension.
  'decision-simplified': {
    period: 30, unit: 'calendar', article: 'ARL 62', label: '简易程序决定期限',
    dayZero: '受理行政复议申请之日',
    suspendable: true, extensionCapDays: null,
  },
  // ARL 41(1)(5): suspension on grounds 39(1)(1)(2)(4) lasting 60 days leads to termination.
  'suspension-cap': {
    period: 60, unit: 'calendar', article: 'ARL 41', label: '中止满六十日期限',
    dayZero: '依第三十九条第一款第一、二、四项中止之日',
    suspendable: false, extensionCapDays: null,
  },
  // ARL 76: the recipient of an opinion letter reports within 60 days.
  'opinion-feedback': {
    period: 60, unit: 'calendar', article: 'ARL 76', label: '意见书反馈期限',
    dayZero: '有关机关收到行政复议意见书之日',
    suspendable: false, extensionCapDays: null,
  },
  // ALL 45: lawsuit within 15 days of receiving the decision (or of the decision period expiring).
  lawsuit: {
    period: 15, unit: 'calendar', article: 'ALL 45', label: '提起行政诉讼期限',
    dayZero: '申请人收到行政复议决定书之日，或复议期限届满之日',
    suspendable: false, extensionCapDays: null,
  },
  // Policy (court mediation rules by analogy): 30 days before filing, extendable by consent.
  mediation: {
    period: 30, unit: 'calendar', article: '政策（参照法院调解期限）', label: '案前调解期限',
    dayZero: '调解员接收案件之日',
    suspendable: false, extensionCapDays: MEDIATION_EXTENSION_CAP_DAYS,
  },
  // Policy: 15 days after filing (the case is suspended under ARL 39(1)(6) meanwhile), extendable by consent.
  'mediation-in-case': {
    period: 15, unit: 'calendar', article: '政策（ARL 39、73）', label: '案中调解期限',
    dayZero: '调解员接收案件之日',
    suspendable: false, extensionCapDays: MEDIATION_IN_CASE_EXTENSION_CAP_DAYS,
  },
  // Policy (no statutory basis, domain.md §3.11): a department answers a risk notice within 15 working days by
  // default; the office sets the period (AppConfig.riskNoticeResponseDays, or per notice).
  'risk-notice-response': {
    period: 15, unit: 'working', article: '政策（风险提示函）', label: '风险提示函回复期限',
    dayZero: '有关部门收到风险提示函之日',
    suspendable: false, extensionCapDays: null,
  },
  // ALL 67: the defendant submits its evidence, the normative documents and its defence within 15 days of receiving the
  // copy of the complaint (ALL 34: evidence submitted late without good reason counts as none). Calendar days: the
  // Administrative Litigation Law has no counting rule of its own and ALL 101 applies CPL 85 (roll-forward).
  'lawsuit-defence': {
    period: 15, unit: 'calendar', article: 'ALL 67', label: '行政诉讼答辩期限',
    dayZero: '被告收到起诉状副本之日',
    suspendable: false, extensionCapDays: null,
  },
};

export const RULES: Readonly<Record<RuleId, RuleDefinition>> = Object.freeze(
  Object.fromEntries(
    Object.entries(defs).map(([id, d]) => [id, Object.freeze({ id, direction: 'forward', ...d })]),
  ) as Record<RuleId, RuleDefinition>,
);

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RULES, value);
}
