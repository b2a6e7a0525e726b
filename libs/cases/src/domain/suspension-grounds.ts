/** ARL 39(1): the ten grounds of suspension (中止), numbered as in the law. */
export const SUSPENSION_GROUNDS: Record<number, string> = {
  1: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  2: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  3: '作为申请人的公民下落不明',
  4: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  5: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  6: '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  7: '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  8: '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  9: '有本法第五十六条或者第五十七条规定的情形',
  10: '需要中止行政复议的其他情形',
};

/** ARL 41(5): a suspension on grounds (1), (2) or (4) lasting 60 days leads to termination. */
export const CAPPED_SUSPENSION_GROUNDS: readonly number[] = [1, 2, 4];

/** ARL 39(1)(6): mediation or reconciliation suspends only with both applicant and respondent agreeing. */
export const CONSENT_SUSPENSION_GROUND = 6;
