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
  if (!applicationDue || mediationEnds <= applicationDue) return null;
  return {
    code: 'APPLICATION_PERIOD_AT_RISK',
    message: `调解期限（${mediationEnds}）晚于行政复议申请期限（${applicationDue}），调解不中断申请期限，请提示申请人在期限内申请（《行政复议法》第二十条）`,
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

/** The warning the applicant's record (the consultation) should show: the latest one about the application period. */
export function latestApplicationWarning(list: readonly FileWarning[]): FileWarning | null {
  const relevant = list.filter((w) => w.code === 'APPLICATION_PERIOD_AT_RISK' || w.code === 'APPLICATION_PERIOD_UNKNOWN');
  return relevant[relevant.length - 1] ?? null;
}
