import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with node:crypto, the few lines otplib would bring (issue 14 item 4). SHA-1,
 * 6 digits and 30-second steps are what authenticator apps (and the otpauth URI's defaults) use; SHA-256/512 and 8 digits
 * are here for the RFC's test vectors.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';
export const TOTP = { stepSeconds: 30, digits: 6, algorithm: 'sha1' as TotpAlgorithm, window: 1 } as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0, value = 0, out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0, value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error('not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
export function hotp(secret: Buffer, counter: number, digits: number = TOTP.digits, algorithm: TotpAlgorithm = TOTP.algorithm): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238 §4: the counter is the number of whole steps since the Unix epoch. */
export const totpStep = (unixSeconds: number, stepSeconds: number = TOTP.stepSeconds) => Math.floor(unixSeconds / stepSeconds);

export function totp(secret: Buffer, unixSeconds: number, digits: number = TOTP.digits, algorithm: TotpAlgorithm = TOTP.algorithm): string {
  return hotp(secret, totpStep(unixSeconds), digits, algorithm);
}

/**
 * The step a code belongs to, looking `window` steps either side for clock drift (RFC 6238 §5.2), or null. Compared in
 * constant time. The caller makes the step single-use (a code is refused once it or a later one has been accepted).
 */
export function matchTotp(secret: Buffer, code: string, unixSeconds: number, window: number = TOTP.window): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(unixSeconds);
  let found: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code)) && found === null) found = step;
  }
  return found;
}

/** The otpauth URI (Google Authenticator key-uri format) an authenticator app reads from a QR code. */
export function otpauthUri(secret: Buffer, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${TOTP.digits}&period=${TOTP.stepSeconds}`;
}
