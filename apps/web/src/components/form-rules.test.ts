import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '@fuyi/kernel';
import { creditCodeRule, idNumberRule, isoDateRule } from './form-rules';
import { namePath } from '../api/form-errors';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const check = (rule: { validator: unknown }, value: unknown) => (rule.validator as Validator)({}, value);
const first17 = '11011219850312001';

describe('form rules over the kernel (the API’s own checks, run in the browser)', () => {
  it('a resident ID number: the right check digit passes, a wrong one is named', async () => {
    await expect(check(idNumberRule, first17 + idNumberCheckChar(first17))).resolves.toBeUndefined();
    const wrong = first17 + (idNumberCheckChar(first17) === '0' ? '1' : '0');
    await expect(check(idNumberRule, wrong)).rejects.toThrow('身份证号码校验位不正确，请核对');
    await expect(check(idNumberRule, '1101121985031200')).rejects.toThrow('身份证号码应为18位（最后一位可为X）');
    await expect(check(idNumberRule, '110112198502300010')).rejects.toThrow('身份证号码中的出生日期无效');
    await expect(check(idNumberRule, '')).resolves.toBeUndefined(); // "required" speaks for an empty field
  });

  it('a credit code and a date', async () => {
    await expect(check(creditCodeRule, '91110000600037341L')).resolves.toBeUndefined();
    await expect(check(creditCodeRule, '91110000600037341A')).rejects.toThrow('统一社会信用代码不正确');
    await expect(check(isoDateRule, '2026-02-28')).resolves.toBeUndefined();
    await expect(check(isoDateRule, '2026-02-30')).rejects.toThrow('日期格式应为 YYYY-MM-DD');
  });

  it("the API's field paths become form name paths", () => {
    expect(namePath('applicants.0.idNumber')).toEqual(['applicants', 0, 'idNumber']);
    expect(namePath('respondentDepartmentId')).toEqual(['respondentDepartmentId']);
  });
});
