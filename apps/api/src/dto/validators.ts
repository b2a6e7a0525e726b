import { registerDecorator, type ValidationOptions } from 'class-validator';
import { CREDIT_CODE_MESSAGE, PERSONAL_DATA_MESSAGE, findPersonalData, idNumberMessage, isIsoDate, isValidCreditCode } from '@fuyi/kernel';
import { NO_PERSONAL_DATA } from '../http/validation';

/** Largest id a Postgres integer column holds: larger ones are a 400, not a database error. */
export const MAX_ID = 2_147_483_647;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** Shared field validators: one place for the rules every write route uses. */
function rule(name: string, check: (v: unknown) => string | null, options?: ValidationOptions) {
  return (object: object, propertyName: string | symbol) => {
    let last: string | null = null;
    registerDecorator({
      name, target: object.constructor, propertyName: String(propertyName), options,
      validator: {
        validate: (value: unknown) => (last = check(value)) === null,
        defaultMessage: () => last ?? '格式不正确',
      },
    });
  };
}

// The messages live in the kernel: the web console checks the same rule in the browser with the same words.
export const IsResidentId = (o?: ValidationOptions) => rule('isResidentId', idNumberMessage, o);

export const IsCreditCode = (o?: ValidationOptions) =>
  rule('isCreditCode', (v) => (typeof v === 'string' && isValidCreditCode(v) ? null : CREDIT_CODE_MESSAGE), o);

export const IsIsoDay = (o?: ValidationOptions) =>
  rule('isIsoDay', (v) => (isIsoDate(v) ? null : '日期格式应为 YYYY-MM-DD，且须为有效日期'), o);

export const IsPhone = (o?: ValidationOptions) =>
  rule('isPhone', (v) => (typeof v === 'string' && /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(v) ? null : '电话号码格式不正确（手机号11位或带区号的固定电话）'), o);

export const IsTimestamp = (o?: ValidationOptions) =>
  rule('isTimestamp', (v) =>
    // Date.parse alone would roll 2026-02-30 over to March: the calendar date is checked on its own.
    typeof v === 'string' && TIMESTAMP.test(v) && isIsoDate(TIMESTAMP.exec(v)![1]) && !Number.isNaN(Date.parse(v))
      ? null : '时间格式应为 ISO 8601 并带时区，如 2026-11-26T09:30:00+08:00', o);

/**
 * Free text that reaches notifications, documents, cluster labels or other roles must not carry ID or phone numbers
 * (PIPL). Takes a text or a list of texts; the value is never echoed. Failing it answers PERSONAL_DATA_NOT_ALLOWED
 * (http/validation.ts). Not for the party fields that hold such data on purpose (encrypted).
 */
export const NoPersonalData = (o?: ValidationOptions) =>
  rule(NO_PERSONAL_DATA, (v) => ((Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && findPersonalData(x)) ? PERSONAL_DATA_MESSAGE : null), o);
