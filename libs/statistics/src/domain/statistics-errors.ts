import { DomainError, isIsoDate } from '@fuyi/kernel';

export const StatisticsErrors = {
  invalid: (field: string, message: string) => new DomainError('STATISTICS_INVALID_INPUT', message, 'invalid', { fields: [{ field, message }] }),
  publicationNotFound: () => new DomainError('PUBLICATION_NOT_FOUND', '未找到该公开的行政复议决定书', 'not_found'),
};

export interface Period {
  from: string;
  to: string;
}

/** A statistics period: both days `YYYY-MM-DD`, from ≤ to, at most ten years (a request must stay bounded). */
export function checkPeriod(from: unknown, to: unknown): Period {
  if (!isIsoDate(from)) throw StatisticsErrors.invalid('from', '统计期间起始日期格式应为 YYYY-MM-DD');
  if (!isIsoDate(to)) throw StatisticsErrors.invalid('to', '统计期间截止日期格式应为 YYYY-MM-DD');
  if (from > to) throw StatisticsErrors.invalid('from', '统计期间起始日期不能晚于截止日期');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) throw StatisticsErrors.invalid('to', '统计期间不能超过十年');
  return { from, to };
}

export interface Paging {
  page: number;
  pageSize: number;
}

export function checkPaging(page: unknown = 1, pageSize: unknown = 50): Paging {
  const p = Number(page);
  const s = Number(pageSize);
  if (!Number.isInteger(p) || p < 1 || p > 100000) throw StatisticsErrors.invalid('page', '页码应为正整数');
  if (!Number.isInteger(s) || s < 1 || s > 200) throw StatisticsErrors.invalid('pageSize', '每页条数应为 1 到 200 之间的整数');
  return { page: p, pageSize: s };
}
