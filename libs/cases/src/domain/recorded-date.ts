import { DomainError } from '@fuyi/kernel';
import { CaseErrors } from './case-errors';

/**
 * Issue 12 item 13: a step entered afterwards from the paper file carries its real date. The date (default: today,
 * Asia/Shanghai, from the caller's TimeSource) may not be in the future nor before the step it follows (receipt, request…).
 */
export function recordedDate(today: string, field: string, value: string | undefined, notBefore?: { date: string | null | undefined; label: string }): string {
  const day = value ?? today;
  if (day > today) throw CaseErrors.invalid(field, '日期不能晚于今天');
  if (notBefore?.date && day < notBefore.date) throw CaseErrors.invalid(field, `日期不能早于${notBefore.label}（${notBefore.date}）`);
  return day;
}

/**
 * A step the law allows only within a period (ARL 30(2) refusal, ARL 31 correction notice, ARL 62 extension, ARL 55
 * conversion): refused (409) when its date is past the period's last day.
 */
export function withinPeriod(code: string, day: string, due: string | null | undefined, message: (due: string) => string): void {
  if (due && day > due) throw new DomainError(code, message(due), 'conflict', { due, on: day });
}
