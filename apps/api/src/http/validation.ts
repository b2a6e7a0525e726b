import { Injectable, PipeTransform, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldIssue } from '@fuyi/kernel';

const CJK = /[\u4e00-\u9fff]/;

/** Chinese wording for class-validator's constraints, so a clerk reads what is wrong with which field. */
const MESSAGES: Record<string, (c: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isArray: () => '必须是列表',
  isObject: () => '必须是对象',
  isEnum: () => '取值不在允许范围内',
  isIn: () => '取值不在允许范围内',
  isUuid: () => '编号格式不正确',
  isISO8601: () => '时间格式不正确（应为 ISO 8601，如 2026-11-26T09:30:00+08:00）',
  min: (c) => c.replace(/.*must not be less than (\S+).*/, '不能小于 $1'),
  max: (c) => c.replace(/.*must not be greater than (\S+).*/, '不能大于 $1'),
  maxLength: (c) => c.replace(/.*shorter than or equal to (\d+).*/, '长度不能超过 $1 个字符'),
  minLength: (c) => c.replace(/.*longer than or equal to (\d+).*/, '长度不能少于 $1 个字符'),
  arrayMinSize: (c) => c.replace(/.*at least (\d+).*/, '至少需要 $1 项'),
  arrayMaxSize: (c) => c.replace(/.*no more than (\d+).*/, '最多 $1 项'),
  matches: () => '格式不正确',
  nestedValidation: () => '格式不正确',
};

/** Constraint whose failure means personal data in a free-text field (see dto/validators.ts NoPersonalData). */
export const NO_PERSONAL_DATA = 'noPersonalData';
// Which rule speaks first when a value breaks several: presence, then type, then the rest in declaration order.
const FIRST = ['isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isEnum', 'isIn', 'isUuid'];
const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);
const PRESENCE = ['isDefined', 'isNotEmpty'];

type Issue = FieldIssue & { rule: string };

function flatten(errors: ValidationError[], prefix = ''): Issue[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // class-validator lists constraints last-declared first: reversed, then stably ranked.
    const constraints = Object.entries(e.constraints ?? {}).reverse().sort(([a], [b]) => rank(a) - rank(b));
    const chinese = ([key, text]: [string, string]) => (CJK.test(text) ? text : (MESSAGES[key]?.(text) ?? '格式不正确'));
    const missing = isMissing(e);
    // Absent, or a present value that fails a presence rule (a blank list item): one presence message, nothing else.
    const own: Issue[] = missing || constraints.some(([key]) => PRESENCE.includes(key))
      ? [{ field, rule: 'isDefined', message: presenceMessage(constraints, missing) }]
      : (typeFailures(constraints) ?? constraints).map((c) => ({ field, rule: c[0], message: chinese(c) }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** A value of the wrong type also breaks its range and length rules: only the type is worth saying. */
const typeFailures = (constraints: Array<[string, string]>) => {
  const type = constraints.filter(([key]) => rank(key) < FIRST.length);
  return type.length ? type : null;
};

/** Absent (or blank, see BlankTextPipe) and still required: one 「必填」, not the length or range rules that also fail. */
const isMissing = (e: ValidationError) =>
  (e.value === undefined || e.value === null) && Object.keys(e.constraints ?? {}).length > 0 && !e.constraints?.whitelistValidation;

/** A DTO's own Chinese wording for presence (e.g. 请填写回避理由) wins over the generic one. */
const presenceMessage = (constraints: Array<[string, string]>, missing: boolean) =>
  constraints.find(([key, text]) => PRESENCE.includes(key) && CJK.test(text))?.[1] ?? (missing ? '必填' : '不能为空');

export function validationFailed(fields: FieldIssue[]): DomainError {
  const first = fields[0];
  return new DomainError('VALIDATION_FAILED', first ? `填写有误：${first.field} ${first.message}` : '填写有误', 'invalid', { fields });
}

/** One code for every field refused for personal data, so clients can tell it from a mere format error. */
function failed(issues: Issue[]): DomainError {
  const fields = issues.map(({ field, message }) => ({ field, message }));
  const personal = issues.find((i) => i.rule === NO_PERSONAL_DATA);
  if (!personal) return validationFailed(fields);
  return new DomainError('PERSONAL_DATA_NOT_ALLOWED', `填写有误：${personal.field} ${personal.message}`, 'invalid', { fields });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value is read only to tell a missing field (「必填」) from a wrong one; it is never put in the answer.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => failed(flatten(errors)),
  });
}

/** A UTF-16 surrogate without its pair: not a character at all, and JSON text holding one is refused by jsonb. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, nor a lone surrogate in jsonb: refuse both up front with the field
 * named, instead of a database error late in a change (a registration then left its case number unused).
 */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    const hit = findUnstorable(value, meta.type === 'body' ? '' : (meta.data ?? meta.type));
    if (hit !== null) {
      const message = hit.nul ? '含有不允许的控制字符（U+0000）' : '含有无法识别的字符（不完整的 Unicode 代理项）';
      throw validationFailed([{ field: hit.path || meta.type, message }]);
    }
    return value;
  }
}

function findUnstorable(value: unknown, path: string): { path: string; nul: boolean } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, nul: true };
    return LONE_SURROGATE.test(value) ? { path, nul: false } : null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (LONE_SURROGATE.test(k)) return { path: here, nul: false };
      const hit = findUnstorable(v, here);
      if (hit !== null) return hit;
    }
  }
  return null;
}
