import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) for personal data at rest (PIPL), and a keyed hash
 * (HMAC-SHA256) so that an exact ID number can be found without decrypting every row.
 * Keys are derived from DATA_KEY with HKDF, one per purpose.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(dataKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fuyi:field-encryption:v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fuyi:blind-index:v1', 32));
  }

  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined) return null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
  }

  decrypt(sealed: string): string;
  decrypt(sealed: string | null | undefined): string | null;
  decrypt(sealed: string | null | undefined): string | null {
    if (sealed === null || sealed === undefined) return null;
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unrecognised ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for exact-match lookups; normalised so 'x' and 'X' match. */
  blindIndex(value: string, purpose = 'id-number'): string {
    return createHmac('sha256', this.indexKey).update(`${purpose}:${value.trim().toUpperCase()}`).digest('hex');
  }
}
