/** Resident ID number (居民身份证号码), GB 11643-1999: 17 digits + check character (0-9 or X). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type IdNumberProblem = 'format' | 'birthdate' | 'checksum';

export function idNumberProblem(raw: string): IdNumberProblem | null {
  const id = raw.toUpperCase();
  if (!SHAPE.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  // Wall clock on purpose: a plausibility check of the number itself (kernel has no TimeSource); a day's drift is harmless.
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return 'birthdate';
  return id[17] === idNumberCheckChar(id.slice(0, 17)) ? null : 'checksum';
}

/** What to tell the person for each problem: the API's 400 and the web console's inline check say the same words. */
export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号码应为18位（最后一位可为X）',
  birthdate: '身份证号码中的出生日期无效',
  checksum: '身份证号码校验位不正确，请核对',
};

/** null for a valid resident ID number, else the sentence to show. */
export function idNumberMessage(raw: unknown): string | null {
  if (typeof raw !== 'string') return ID_NUMBER_PROBLEM_MESSAGES.format;
  const problem = idNumberProblem(raw);
  return problem ? ID_NUMBER_PROBLEM_MESSAGES[problem] : null;
}

export const CREDIT_CODE_MESSAGE = '统一社会信用代码不正确（18位，含校验位）';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Unified social credit code (统一社会信用代码), GB 32100-2015. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidCreditCode(raw: string): boolean {
  const code = raw.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31] === code[17];
}
