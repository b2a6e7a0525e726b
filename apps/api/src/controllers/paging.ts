import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { DomainError } from '@fuyi/kernel';

export function boundedLimit(limit: number, max = 200): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new DomainError('VALIDATION_FAILED', `limit 应为 1 到 ${max} 之间的整数`, 'invalid', { fields: [{ field: 'limit', message: `应为 1 到 ${max}` }] });
  }
  return limit;
}

/** A query's `limit`: an integer from 1 to max, `fallback` when absent (400 VALIDATION_FAILED otherwise). */
export function limitQuery(limit: unknown, fallback: number, max = 200): number {
  return boundedLimit(limit === undefined ? fallback : Number(limit), max);
}

/** A cursor that is a bigint row id (audit rows, notifications): digits only, else 400. */
export function bigintCursor(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor 格式不正确', 'invalid', { fields: [{ field: 'cursor', message: '应为上一页返回的 nextCursor' }] });
  }
  return value;
}

/** The one list shape: rows fetched with limit + 1 become a page and the cursor of the next one (null on the last). */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
}

/** Documents `limit` (integer, with its maximum) and `cursor` of a paged list. */
export const ApiPaging = (fallback: number, max = 200) =>
  applyDecorators(
    ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: max, default: fallback } }),
    ApiQuery({ name: 'cursor', required: false, description: '上一页返回的 nextCursor', schema: { type: 'string' } }),
  );
