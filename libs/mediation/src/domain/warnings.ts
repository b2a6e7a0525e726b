export interface FileWarning {
  code: string;
  message: string;
  on: string;
}

/**
 * Before filing the 60-day application period (ARL 20) keeps running during mediation: warn when the mediation time
 * limit would end after it, so the applicant can still apply in time.
 */
export function applicationPeriodWarning(applicationDue: string | null, mediationEnds: string, today: string): FileWarning | null {
  if (applicationDue && applicationDue < today) return applicationPeriodExpired(applicationDue, today);
  if (!applicationDue || mediationEnds <= applicationDue) return null;
  return {
    code: 'APPLICATION_PERIOD_AT_RISK',
    message: `调解期限（${mediationEnds}）晚于行政复议申请期限（${applicationDue}），调解不中断申请期限，请提示申请人在期限内申请（《行政复议法》第二十条）`,
    on: today,
  };
}

/**
 * The 60 days already ran out before the referral: telling the applicant to apply "in time" would mislead. The
 * period may still be extended for force majeure (ARL 20(2)) or run longer without notice of the right (ARL 20(3)).
 */
export function applicationPeriodExpired(applicationDue: string, today: string): FileWarning {
  return {
    code: 'APPLICATION_PERIOD_EXPIRED',
    message: `按登记的知道行政行为日期计算，行政复议申请期限已于${applicationDue}届满；如因不可抗力等正当理由耽误（《行政复议法》第二十条第二款）或行政机关未告知申请期限（第二十条第三款），申请人仍可能申请，请向其说明`,
    on: today,
  };
}

/** Adds a warning unless one with the same code and message is already recorded. */
export function withWarning(list: readonly FileWarning[], w: FileWarning | null): FileWarning[] {
  if (!w || list.some((x) => x.code === w.code && x.message === w.message)) return [...list];
  return [...list, w];
}

/** Before filing without the day the applicant learned of the act: the ARL 20 deadline cannot be computed; say so. */
export function applicationPeriodUnknown(today: string): FileWarning {
  return {
    code: 'APPLICATION_PERIOD_UNKNOWN',
    message: '未登记申请人知道行政行为的日期，行政复议申请期限无法计算；调解不中断申请期限，请提示申请人在法定期限内申请（《行政复议法》第二十条）',
    on: today,
  };
}

const APPLICATION_WARNING_CODES = ['APPLICATION_PERIOD_AT_RISK', 'APPLICATION_PERIOD_UNKNOWN', 'APPLICATION_PERIOD_EXPIRED'];

/** The warning the applicant's record (the consultation) should show: the latest one about the application period. */
export function latestApplicationWarning(list: readonly FileWarning[]): FileWarning | null {
  const relevant = list.filter((w) => APPLICATION_WARNING_CODES.includes(w.code));
  return relevant[relevant.length - 1] ?? null;
}
