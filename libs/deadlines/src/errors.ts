import { DomainError, isIsoDate, type IsoDate } from '@fuyi/kernel';

/** Stable error codes of the clock engine (clients and tests key on them). */
export const DeadlineErrorCode = {
  UnknownRule: 'DEADLINE_UNKNOWN_RULE',
  InvalidDate: 'DEADLINE_INVALID_DATE',
  ExtensionNotAllowed: 'DEADLINE_EXTENSION_NOT_ALLOWED',
  ExtensionExceedsCap: 'DEADLINE_EXTENSION_EXCEEDS_CAP',
  InvalidExtension: 'DEADLINE_INVALID_EXTENSION',
  InvalidSuspension: 'DEADLINE_INVALID_SUSPENSION',
  InvalidCalendar: 'DEADLINE_CALENDAR_INVALID',
  InvalidArgument: 'DEADLINE_INVALID_ARGUMENT',
} as const;
export type DeadlineErrorCode = (typeof DeadlineErrorCode)[keyof typeof DeadlineErrorCode];

export function deadlineError(code: DeadlineErrorCode, message: string, field?: string): DomainError {
  return new DomainError(code, message, 'invalid', field ? { fields: [{ field, message }] } : undefined);
}

/** Years the engine accepts; keeps epoch-day arithmetic and ISO formatting well inside their range. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Checks a 'YYYY-MM-DD' input and returns it, or throws DEADLINE_INVALID_DATE. */
export function requireDate(value: unknown, field: string, label: string): IsoDate {
  if (!isIsoDate(value)) {
    throw deadlineError(
      DeadlineErrorCode.InvalidDate,
      `${label}「${String(value)}」不是有效日期，应为YYYY-MM-DD格式`,
      field,
    );
  }
  const year = Number(value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw deadlineError(
      DeadlineErrorCode.InvalidDate,
      `${label}「${value}」超出支持范围（${MIN_YEAR}年至${MAX_YEAR}年）`,
      field,
    );
  }
  return value;
}
