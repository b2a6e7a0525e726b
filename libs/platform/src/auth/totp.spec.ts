import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp } from './totp';

describe('TOTP (RFC 6238) and HOTP (RFC 4226)', () => {
  // RFC 6238 Appendix B: the seeds are the ASCII "1234567890" repeated to the hash's key length; 8 digits.
  const seeds = {
    sha1: Buffer.from('12345678901234567890'),
    sha256: Buffer.from('12345678901234567890123456789012'),
    sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
  };
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(vectors)('RFC 6238 Appendix B at T=%d: SHA-1 %s, SHA-256 %s, SHA-512 %s', (t, sha1, sha256, sha512) => {
    expect(totp(seeds.sha1, t, 8, 'sha1')).toBe(sha1);
    expect(totp(seeds.sha256, t, 8, 'sha256')).toBe(sha256);
    expect(totp(seeds.sha512, t, 8, 'sha512')).toBe(sha512);
  });

  it('RFC 4226 Appendix D: HOTP values for counters 0–9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(seeds.sha1, i))).toEqual(expected);
  });

  it('base32 round-trips and matches RFC 4648 §10', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(seeds.sha1)).equals(seeds.sha1)).toBe(true);
  });

  it('a code matches its own step or one step either side, nothing further, and only six digits', () => {
    const t = 1_800_000_000;
    const code = totp(seeds.sha1, t);
    expect(matchTotp(seeds.sha1, code, t)).toBe(Math.floor(t / 30));
    expect(matchTotp(seeds.sha1, code, t + 30)).toBe(Math.floor(t / 30));
    expect(matchTotp(seeds.sha1, code, t - 30)).toBe(Math.floor(t / 30));
    expect(matchTotp(seeds.sha1, code, t + 90)).toBeNull();
    expect(matchTotp(seeds.sha1, '12345', t)).toBeNull();
    expect(matchTotp(seeds.sha1, '１２３４５６', t)).toBeNull();
  });

  it('the otpauth URI carries the base32 secret, issuer and parameters', () => {
    expect(otpauthUri(seeds.sha1, 'clerk', '复议')).toBe(
      `otpauth://totp/${encodeURIComponent('复议:clerk')}?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=${encodeURIComponent('复议')}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
