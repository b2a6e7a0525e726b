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

function flatten(errors: ValidationError[], prefix = ''): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([key, text]) => ({
      field,
      message: CJK.test(text) ? text : (MESSAGES[key]?.(text) ?? '格式不正确'),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export function validationFailed(fields: FieldIssue[]): DomainError {
  const first = fields[0];
  return new DomainError('VALIDATION_FAILED', first ? `填写有误：${first.field} ${first.message}` : '填写有误', 'invalid', { fields });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false }, // never echo submitted values (personal data) back
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** PostgreSQL cannot store U+0000 in text or jsonb: refuse it up front with the field named, instead of a database error. */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    const field = findNul(value, meta.type === 'body' ? '' : (meta.data ?? meta.type));
    if (field !== null) throw validationFailed([{ field: field || meta.type, message: '含有不允许的控制字符（U+0000）' }]);
    return value;
  }
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
  }
  return null;
}
