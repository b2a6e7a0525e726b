import type { FormRule } from 'antd';
import { CREDIT_CODE_MESSAGE, idNumberMessage, isIsoDate, isValidCreditCode } from '@fuyi/kernel';

/**
 * Form rules that run the kernel's own checks in the browser (the same code and words as the API's 400), so a clerk
 * hears of a wrong check digit as she types, not after sending. The API checks again: these only save a round trip.
 */
export const idNumberRule = {
  validator: (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return Promise.resolve(); // `required` says that
    const message = idNumberMessage(String(value).trim());
    return message ? Promise.reject(new Error(message)) : Promise.resolve();
  },
} satisfies FormRule;

export const creditCodeRule = {
  validator: (_rule, value: unknown) =>
    value === undefined || value === null || value === '' || isValidCreditCode(String(value).trim())
      ? Promise.resolve()
      : Promise.reject(new Error(CREDIT_CODE_MESSAGE)),
} satisfies FormRule;

/** A calendar date as the API takes it (YYYY-MM-DD, a real day). */
export const isoDateRule = {
  validator: (_rule, value: unknown) =>
    value === undefined || value === null || value === '' || isIsoDate(String(value))
      ? Promise.resolve()
      : Promise.reject(new Error('日期格式应为 YYYY-MM-DD，且须为有效日期')),
} satisfies FormRule;
