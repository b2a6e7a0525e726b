import { base32Decode, totp } from '@fuyi/platform';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 14 item 4: the optional second factor (TOTP, RFC 6238). Enrolment shows the secret once (otpauth URI) and
 * keeps it encrypted; a code confirms it; login then needs a code, each code once; the security administrator may
 * require it per role, and a user of such a role without one is told to enrol at login.
 */
describe('TOTP second factor: enrol, confirm, login, replay, required by role', () => {
  let t: TestApp;
  const login = (username: string, totpCode?: string) => t.http().post('/auth/login').send({ username, password: DEMO_PASSWORD, ...(totpCode ? { totpCode } : {}) });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const codeAt = (secret: string, offsetSteps = 0) => totp(base32Decode(secret), Date.now() / 1000 + offsetSteps * 30);
  const attempts = async (username: string) =>
    Number((await t.db.ds.query(`SELECT attempts FROM login_attempts WHERE username_key = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [username]))[0]?.attempts ?? 0);

  /** Enrols and confirms `username`'s authenticator; returns the base32 secret the app would hold. */
  async function enrol(token: string): Promise<string> {
    const res = await t.http().post('/auth/totp/enrol').set(as(token)).send({ password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const secret = new URL(res.body.otpauthUri).searchParams.get('secret')!;
    const confirm = await t.http().post('/auth/totp/confirm').set(as(token)).send({ code: codeAt(secret, -1) });
    expect(confirm.status).toBe(204);
    return secret;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('enrolment: the current password is required, the secret is stored encrypted, a wrong code does not confirm', async () => {
    const token = await t.login('chief');
    const wrongPassword = await t.http().post('/auth/totp/enrol').set(as(token)).send({ password: 'not-my-password' });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.code).toBe('AUTH_PASSWORD_WRONG');
    const res = await t.http().post('/auth/totp/enrol').set(as(token)).send({ password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]{32}&issuer=.+&algorithm=SHA1&digits=6&period=30$/);
    const [row] = await t.db.ds.query(`SELECT totp_secret, totp_confirmed_at FROM users WHERE username = 'chief'`);
    expect(row.totp_secret).toMatch(/^v1\./); // FieldCipher, never the base32 secret
    expect(row.totp_secret).not.toContain(res.body.secret);
    expect(row.totp_confirmed_at).toBeNull();
    const bad = await t.http().post('/auth/totp/confirm').set(as(token)).send({ code: String((Number(codeAt(res.body.secret)) + 1) % 1_000_000).padStart(6, '0') });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('TOTP_CODE_INVALID');
    expect((await login('chief')).status).toBe(200); // not confirmed: no code asked yet
  });

  it('once confirmed, login needs the code: without it 401 AUTH_TOTP_REQUIRED, a wrong one 401 AUTH_TOTP_INVALID, both counted and audited', async () => {
    const secret = await enrol(await t.login('head'));
    expect((await t.http().post('/auth/totp/enrol').set(as((await login('head', codeAt(secret))).body.accessToken)).send({ password: DEMO_PASSWORD })).body.code)
      .toBe('TOTP_ALREADY_ENROLLED');
    const without = await login('head');
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ code: 'AUTH_TOTP_REQUIRED', message: expect.stringContaining('动态验证码') });
    const wrong = await login('head', String((Number(codeAt(secret)) + 500_000) % 1_000_000).padStart(6, '0'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_TOTP_INVALID');
    expect(await attempts('head')).toBe(2);
    const [{ id }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'head'`);
    const reasons = (await t.db.ds.query(`SELECT summary->>'reason' AS r FROM audit_log WHERE action = 'auth.login_failed' AND subject_id = $1 ORDER BY id`, [id])).map((x: any) => x.r);
    expect(reasons).toEqual(['totp_missing', 'bad_totp']);
    const ok = await login('head', codeAt(secret, 1)); // next step, drift of one step allowed
    expect(ok.status).toBe(200);
    expect(await attempts('head')).toBe(0); // success clears the count
  });

  it('a code is single-use within its window: the same code again, even in parallel, is refused as a replay', async () => {
    const secret = await enrol(await t.login('liaison'));
    const code = codeAt(secret, 1);
    const first = await login('liaison', code);
    expect(first.status).toBe(200);
    const again = await login('liaison', code);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('AUTH_TOTP_INVALID');
    // An earlier code of the window is refused too once a later one was accepted (RFC 6238 §5.2).
    expect((await login('liaison', codeAt(secret, 0))).body.code).toBe('AUTH_TOTP_INVALID');
    // The same fresh code sent three times at once: one conditional UPDATE takes the step, so exactly one login.
    const other = await enrol(await t.login('clerk2'));
    const fresh = codeAt(other, 1);
    const parallel = await Promise.all([1, 2, 3].map(() => login('clerk2', fresh)));
    expect(parallel.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('five failed codes lock the name like wrong passwords: the right code is then refused with the same 401', async () => {
    const secret = await enrol(await t.login('mediator'));
    for (let i = 0; i < 5; i++) expect((await login('mediator')).status).toBe(401);
    const locked = await login('mediator', codeAt(secret, 1));
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('the security administrator requires it per role: a user of that role without one is told to enrol, then works', async () => {
    const sec = await t.login('secadmin');
    const refused = await t.http().put('/security/totp-policy/township_clerk').set(as(await t.login('admin'))).send({ required: true });
    expect(refused.status).toBe(403);
    expect((await t.http().put('/security/totp-policy/no_such_role').set(as(sec)).send({ required: true })).body.code).toBe('VALIDATION_FAILED');
    const set = await t.http().put('/security/totp-policy/township_clerk').set(as(sec)).send({ required: true });
    expect(set.status).toBe(200);
    expect(set.body).toContainEqual({ role: 'township_clerk', label: '分中心接待员', required: true });
    const res = await login('zhongcang');
    expect(res.status).toBe(200);
    expect(res.body.totpEnrolmentRequired).toBe(true);
    const token = res.body.accessToken;
    const blocked = await t.http().get('/applications').set(as(token));
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'TOTP_ENROLMENT_REQUIRED', message: expect.stringContaining('请先绑定') });
    expect((await t.http().get('/auth/me').set(as(token))).body.totpEnrolmentRequired).toBe(true);
    const secret = await enrol(token);
    expect((await t.http().get('/applications').set(as(token))).status).toBe(200);
    expect((await login('zhongcang')).body.code).toBe('AUTH_TOTP_REQUIRED');
    expect((await login('zhongcang', codeAt(secret, 1))).body.totpEnrolmentRequired).toBe(false);
    // Another clerk of the role, never enrolled, is held back the same way; lifting the requirement frees him at once.
    const other = (await login('songzhuang')).body.accessToken;
    expect((await t.http().get('/applications').set(as(other))).body.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await t.http().put('/security/totp-policy/township_clerk').set(as(sec)).send({ required: false })).status).toBe(200);
    expect((await t.http().get('/applications').set(as(other))).status).toBe(200);
    const [audit] = await t.db.ds.query(`SELECT actor_role, summary FROM audit_log WHERE action = 'security.totp_policy' ORDER BY id LIMIT 1`);
    expect(audit).toMatchObject({ actor_role: 'security_admin', summary: { required: true } });
  });
});
