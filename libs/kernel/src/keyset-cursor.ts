import { DomainError } from './domain-error';

/**
 * The cursor of a list ordered by (instant, id), opaque to the client (base64url of "<ISO instant>|<uuid>"): it names the
 * last row of a page, so the next page starts right after it whatever was added meanwhile (issue 11). A cursor carries
 * milliseconds, so the query orders and compares date_trunc('milliseconds', instant): no row is skipped or repeated.
 */
export function encodeKeysetCursor(at: Date | string, id: string): string {
  return Buffer.from(`${new Date(at).toISOString()}|${id}`).toString('base64url');
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** null when there is no cursor (the first page); 400 VALIDATION_FAILED when it is not one this API gave out. */
export function decodeKeysetCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (cursor === undefined) return null;
  const m = CURSOR.exec(Buffer.from(String(cursor), 'base64url').toString('utf8'));
  if (!m) throw new DomainError('VALIDATION_FAILED', 'cursor 格式不正确', 'invalid', { fields: [{ field: 'cursor', message: '应为上一页返回的 nextCursor' }] });
  return { at: m[1], id: m[2] };
}

/** Rows fetched with limit + 1 (each carrying the instant it is ordered by) become a page and the next cursor. */
export function keysetPage<R, T>(rows: R[], limit: number, atOf: (r: R) => Date | string, idOf: (r: R) => string, view: (r: R) => T) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > limit ? encodeKeysetCursor(atOf(last), idOf(last)) : null };
}

/**
 * The cursor of a list ordered by a unique text key (a username): base64url of the last key of a page, opaque to the
 * client; the next page starts right after it (`WHERE key > $cursor`), whatever was added or removed meanwhile.
 */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** null when there is no cursor (the first page); 400 VALIDATION_FAILED when it is not one this API gave out. */
export function decodeKeyCursor(cursor: string | undefined, maxLength = 256): string | null {
  if (cursor === undefined) return null;
  const text = String(cursor);
  const key = /^[A-Za-z0-9_-]{1,1024}$/.test(text) ? Buffer.from(text, 'base64url').toString('utf8') : '';
  if (!key || key.length > maxLength || encodeKeyCursor(key) !== text) {
    throw new DomainError('VALIDATION_FAILED', 'cursor 格式不正确', 'invalid', { fields: [{ field: 'cursor', message: '应为上一页返回的 nextCursor' }] });
  }
  return key;
}
