import { decodeKeyCursor, encodeKeyCursor } from '@fuyi/kernel';

describe('key cursor (a list ordered by a unique text key, e.g. /users by username)', () => {
  it.each(['admin', 'zhongcang', 'fresh.clerk', '张三'])('gives back the key it encoded: %s', (key) => {
    expect(decodeKeyCursor(encodeKeyCursor(key))).toBe(key);
  });

  it('is absent on the first page', () => {
    expect(decodeKeyCursor(undefined)).toBeNull();
  });

  it.each(['', '%%%', 'YWJj=', encodeKeyCursor('x'.repeat(65))])('refuses what this API did not give out: %j', (cursor) => {
    expect(() => decodeKeyCursor(cursor, 64)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
