import { DomainError } from '@fuyi/kernel';

export function boundedLimit(limit: number, max = 200): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new DomainError('VALIDATION_FAILED', `limit 应为 1 到 ${max} 之间的整数`, 'invalid', { fields: [{ field: 'limit', message: `应为 1 到 ${max}` }] });
  }
  return limit;
}
