import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../crypto/field-cipher';

describe('FieldCipher (AES-256-GCM + HMAC blind index)', () => {
  const key = Buffer.alloc(32, 7);
  const cipher = new FieldCipher(key);

  it.each(['11010519491231002X', '13812345678', '北京市通州区玉桥街道玉桥中路8号', '', '😀 emoji and 中文'])('round-trips %p', (plain) => {
    const sealed = cipher.encrypt(plain);
    expect(sealed).toMatch(/^v1\.[^.]+\.[^.]+\.[^.]*$/);
    expect(cipher.decrypt(sealed)).toBe(plain);
  });

  it('passes null and undefined through', () => {
    expect(cipher.encrypt(null)).toBeNull();
    expect(cipher.encrypt(undefined)).toBeNull();
    expect(cipher.decrypt(null)).toBeNull();
  });

  it('uses a fresh random IV: the same value never encrypts to the same text', () => {
    const sealed = Array.from({ length: 50 }, () => cipher.encrypt('11010519491231002X'));
    expect(new Set(sealed).size).toBe(50);
    expect(new Set(sealed.map((s) => s.split('.')[1])).size).toBe(50);
    expect(sealed.every((s) => !s.includes('110105'))).toBe(true);
  });

  it('throws on a tampered body, tag or IV, and on the wrong key', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    const [v, iv, tag, body] = sealed.split('.');
    const flip = (b64: string) => {
      const buf = Buffer.from(b64, 'base64');
      buf[0] ^= 1;
      return buf.toString('base64');
    };
    expect(() => cipher.decrypt([v, iv, tag, flip(body)].join('.'))).toThrow();
    expect(() => cipher.decrypt([v, iv, flip(tag), body].join('.'))).toThrow();
    expect(() => cipher.decrypt([v, flip(iv), tag, body].join('.'))).toThrow();
    expect(() => cipher.decrypt(['v2', iv, tag, body].join('.'))).toThrow('unrecognised ciphertext');
    expect(() => cipher.decrypt('not-a-ciphertext')).toThrow();
    expect(() => new FieldCipher(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('blind index: deterministic, case- and whitespace-insensitive, keyed and purpose-separated', () => {
    const a = cipher.blindIndex('11010519491231002X');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('11010519491231002X')).toBe(a);
    expect(cipher.blindIndex('11010519491231002x')).toBe(a);
    expect(cipher.blindIndex(' 11010519491231002x ')).toBe(a);
    expect(new FieldCipher(key).blindIndex('11010519491231002X')).toBe(a);
    expect(cipher.blindIndex('110105194912310021')).not.toBe(a);
    expect(cipher.blindIndex('11010519491231002X', 'phone')).not.toBe(a);
    expect(new FieldCipher(Buffer.alloc(32, 8)).blindIndex('11010519491231002X')).not.toBe(a);
  });

  it('the blind index key is not the encryption key (an index reveals nothing about ciphertexts)', () => {
    const idx = cipher.blindIndex('x');
    const sealed = cipher.encrypt('x');
    expect(sealed).not.toContain(idx);
  });
});
