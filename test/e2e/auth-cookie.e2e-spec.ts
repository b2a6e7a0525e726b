import { createTestApp, type TestApp } from '../support/test-app';
import { DEMO_PASSWORD } from '../../db/seed/seed';

/** The browser's sign-in (issue 13 item 2): the refresh token in an HttpOnly cookie scoped to /api/auth. */
describe('refresh-token cookie (HTTP, real Postgres and Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const raw = res.headers['set-cookie'] as string[] | undefined;
    const line = (raw ?? []).find((c) => c.startsWith('fuyi_refresh='));
    if (!line) return null;
    const [pair, ...attrs] = line.split(/;\s*/);
    return { value: pair.slice('fuyi_refresh='.length), attrs: attrs.map((a) => a.toLowerCase()), line };
  };
  const me = (token: string) => t.http().get('/auth/me').set('authorization', `Bearer ${token}`);
  const browserLogin = (username: string) => t.http().post('/auth/login').send({ username, password: DEMO_PASSWORD, refreshTokenIn: 'cookie' });

  it("login sets an HttpOnly, SameSite=Strict cookie on /api/auth; refreshTokenIn: 'cookie' keeps the token out of the body", async () => {
    const res = await browserLogin('clerk');
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    const c = cookieOf(res)!;
    expect(c.value).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/);
    expect(c.attrs).toEqual(expect.arrayContaining(['path=/api/auth', 'httponly', 'samesite=strict', `max-age=${t.db.config.refreshTokenTtlSeconds}`]));
    expect(c.attrs).not.toContain('secure'); // plain http here; https (or a trusted proxy saying so) adds Secure
  });

  it('the body flow is unchanged for API clients (the cookie is set too, with the same token)', async () => {
    const res = await t.http().post('/auth/login').send({ username: 'clerk', password: DEMO_PASSWORD });
    expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/);
    expect(cookieOf(res)!.value).toBe(res.body.refreshToken);
    const rotated = await t.http().post('/auth/refresh').send({ refreshToken: res.body.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).toEqual(expect.any(String));
    expect(cookieOf(rotated)!.value).toBe(rotated.body.refreshToken);
  });

  it('refresh without a body token uses the cookie, rotates it, and answers without the refresh token', async () => {
    const login = await browserLogin('chief');
    const first = cookieOf(login)!.value;
    const res = await t.http().post('/auth/refresh').set('cookie', `fuyi_refresh=${first}`).send({});
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.user.username).toBe('chief');
    expect((await me(res.body.accessToken)).status).toBe(200);
    const next = cookieOf(res)!;
    expect(next.value).not.toBe(first);
    expect(next.value.split('.')[0]).toBe(first.split('.')[0]); // the same session

    // The old cookie again is a replay: 401, the cookie is cleared, and the whole session ends (issue 14 item 3).
    const replay = await t.http().post('/auth/refresh').set('cookie', `fuyi_refresh=${first}`).send({});
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
    expect(cookieOf(replay)!.attrs).toEqual(expect.arrayContaining(['path=/api/auth', 'expires=thu, 01 jan 1970 00:00:00 gmt']));
    expect((await t.http().post('/auth/refresh').set('cookie', `fuyi_refresh=${next.value}`).send({})).status).toBe(401);
  });

  it('refresh with neither a body token nor a cookie is 400 VALIDATION_FAILED naming refreshToken', async () => {
    const res = await t.http().post('/auth/refresh').send({});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'refreshToken', message: expect.stringMatching(/[\u4e00-\u9fff]/) }] });
  });

  it('logout ends the session and clears the cookie', async () => {
    const login = await browserLogin('head');
    const out = await t.http().post('/auth/logout').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatchObject({ value: '', attrs: expect.arrayContaining(['path=/api/auth', 'httponly', 'samesite=strict']) });
    expect((await t.http().post('/auth/refresh').set('cookie', `fuyi_refresh=${cookieOf(login)!.value}`).send({})).status).toBe(401);
  });

  it('logout everywhere ends every session of the user (not other users’), clears the cookie and is audited', async () => {
    const a = await browserLogin('mediator');
    const b = await t.http().post('/auth/login').send({ username: 'mediator', password: DEMO_PASSWORD });
    const other = await browserLogin('liaison');
    const out = await t.http().post('/auth/logout-all').set('authorization', `Bearer ${a.body.accessToken}`);
    expect(out.status).toBe(204);
    expect(cookieOf(out)!.value).toBe('');
    for (const token of [a.body.accessToken, b.body.accessToken]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_SESSION_ENDED');
    }
    expect((await t.http().post('/auth/refresh').send({ refreshToken: b.body.refreshToken })).status).toBe(401);
    expect((await me(other.body.accessToken)).status).toBe(200);
    const [row] = await t.db.ds.query(
      `SELECT a.summary FROM audit_log a JOIN users u ON u.id::text = a.subject_id WHERE u.username = 'mediator' AND a.action = 'auth.logout_all'`,
    );
    expect(row.summary).toMatchObject({ sessionsEnded: expect.any(Number) });
    expect(row.summary.sessionsEnded).toBeGreaterThanOrEqual(2);
    const reasons = await t.db.ds.query(
      `SELECT DISTINCT s.revoked_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'mediator'`,
    );
    expect(reasons).toEqual([{ revoked_reason: 'logout_all' }]);
  });

  it('a forwarded https request (trusted proxy) gets a Secure cookie', async () => {
    const { createApp } = await import('../../apps/api/src/create-app');
    const { apiRequest } = await import('../support/api-request');
    const app = await createApp({ ...t.db.config, trustProxy: true }, { rateLimitPerMinute: 10_000 });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const res = await apiRequest(app).post('/auth/login').set('x-forwarded-proto', 'https')
        .send({ username: 'auditor', password: DEMO_PASSWORD, refreshTokenIn: 'cookie' });
      expect(res.status).toBe(200);
      expect(cookieOf(res)!.attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']));
    } finally {
      await app.close();
    }
  });

  it('AUTH_COOKIE_SECURE=always (the production default): Secure behind a TLS proxy the api does not trust, on login and logout', async () => {
    const { createApp } = await import('../../apps/api/src/create-app');
    const { apiRequest } = await import('../support/api-request');
    const app = await createApp({ ...t.db.config, trustProxy: false, authCookieSecure: 'always' }, { rateLimitPerMinute: 10_000 });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      // The proxy terminated TLS and says so, but without TRUST_PROXY the api sees plain http.
      const login = await apiRequest(app).post('/auth/login').set('x-forwarded-proto', 'https')
        .send({ username: 'auditor', password: DEMO_PASSWORD, refreshTokenIn: 'cookie' });
      expect(login.status).toBe(200);
      expect(cookieOf(login)!.attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/api/auth']));
      const logout = await apiRequest(app).post('/auth/logout').set('authorization', `Bearer ${login.body.accessToken}`)
        .set('cookie', `fuyi_refresh=${cookieOf(login)!.value}`).send({});
      expect(cookieOf(logout)!.attrs).toContain('secure'); // cleared with the same attributes
    } finally {
      await app.close();
    }
  });
});
