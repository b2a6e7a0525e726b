import { createHash } from 'node:crypto';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { createTestApp, type TestApp } from '../support/test-app';

/** Authentication: tokens, lockout (kept in Postgres), refresh rotation, immediate logout/deactivation, roles, rate limit. */
describe('authentication and authorisation (HTTP, real Postgres and Redis)', () => {
  let t: TestApp;
  let admin: string;

  const login = (username: string, password = DEMO_PASSWORD) => t.http().post('/auth/login').send({ username, password });
  const me = (token: string) => t.http().get('/auth/me').set('authorization', `Bearer ${token}`);
  const userRow = async (username: string) =>
    (await t.db.ds.query('SELECT id, failed_logins, failed_window_start, locked_until FROM users WHERE username = $1', [username]))[0];
  const auditActions = async (subjectId: string) =>
    (await t.db.ds.query('SELECT action, actor_id, summary FROM audit_log WHERE subject_id = $1 ORDER BY id', [subjectId])) as Array<{ action: string; actor_id: string | null; summary: any }>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  it('login returns an access token, a refresh token and the user; the access token works', async () => {
    const res = await login('clerk');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^[0-9a-f-]{36}\.[\w-]+$/),
      expiresIn: expect.any(Number),
      user: { username: 'clerk', role: 'reconsideration_clerk', townshipId: null },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
    const who = await me(res.body.accessToken);
    expect(who.status).toBe(200);
    expect(who.body).toEqual({ id: res.body.user.id, username: 'clerk', role: 'reconsideration_clerk', townshipId: null });
  });

  it('a wrong password and an unknown user both answer 401 AUTH_INVALID_CREDENTIALS, and both are audited', async () => {
    const wrong = await login('chief', 'not-the-password');
    const unknown = await login('nobody-here', 'whatever');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    expect(unknown.body.message).toBe(wrong.body.message); // no hint which usernames exist
    const chief = await userRow('chief');
    expect(chief.failed_logins).toBe(1);
    expect(await auditActions(chief.id)).toContainEqual(expect.objectContaining({ action: 'auth.login_failed', actor_id: null, summary: { username: 'chief', reason: 'bad_password' } }));
    // An unknown name is audited under a short hash: what was typed may be a password typed into the wrong field.
    const hashed = createHash('sha256').update('nobody-here').digest('hex').slice(0, 16);
    expect(await auditActions(hashed)).toEqual([expect.objectContaining({ action: 'auth.login_failed', summary: { usernameHash: hashed, reason: 'unknown_user' } })]);
    expect(await t.db.ds.query(`SELECT 1 FROM audit_log WHERE summary::text LIKE '%nobody-here%' OR subject_id = 'nobody-here'`)).toHaveLength(0);
    expect((await login('chief')).status).toBe(200);
    expect((await userRow('chief')).failed_logins).toBe(0); // success resets the counter
  });

  it('five failures within 15 minutes lock the account (423), even the right password, with an audit row per failure', async () => {
    const { id } = await userRow('mediator');
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await login('mediator', `wrong-${i}`);
      statuses.push(res.status);
      if (i === 3) expect((await userRow('mediator')).failed_logins).toBe(3); // the counter lives in Postgres
      if (res.status === 423) expect(res.body.code).toBe('AUTH_ACCOUNT_LOCKED');
      else expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const row = await userRow('mediator');
    const lockedForMinutes = (new Date(row.locked_until).getTime() - Date.now()) / 60_000;
    expect(lockedForMinutes).toBeGreaterThan(14);
    expect(lockedForMinutes).toBeLessThanOrEqual(15.1);

    const right = await login('mediator');
    expect(right.status).toBe(423);
    expect(right.body).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED', lockedUntil: new Date(row.locked_until).toISOString() });
    expect(right.body.message).toMatch(/[\u4e00-\u9fff]/);

    const actions = (await auditActions(id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.account_locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5); // 4 bad passwords + 1 attempt while locked
    expect(actions).not.toContain('auth.login');

    // The lock is time-bound: once locked_until has passed, the right password works again.
    await t.db.ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await login('mediator')).status).toBe(200);
  });

  it('failures older than the 15-minute window do not count towards the lock', async () => {
    const { id } = await userRow('liaison');
    await t.db.ds.query(`UPDATE users SET failed_logins = 4, failed_window_start = now() - interval '16 minutes' WHERE id = $1`, [id]);
    expect((await login('liaison', 'wrong')).status).toBe(401);
    const row = await userRow('liaison');
    expect(row.failed_logins).toBe(1);
    expect(row.locked_until).toBeNull();
  });

  it('concurrent wrong passwords are all counted: the account ends up locked', async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => login('head', `wrong-${i}`)));
    expect(burst.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    expect(burst.filter((r) => r.status === 423).length).toBeGreaterThanOrEqual(1);
    expect((await login('head')).status).toBe(423);
  });

  it('refresh rotates: the new pair works, the old refresh token is refused with 401', async () => {
    const first = (await login('zhongcang')).body;
    const rotated = await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.refreshToken.split('.')[0]).toBe(first.refreshToken.split('.')[0]); // same session
    expect((await me(rotated.body.accessToken)).status).toBe(200);

    const replay = await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await t.http().post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken })).status).toBe(200);
    expect((await t.http().post('/auth/refresh').send({ refreshToken: 'not-a-token' })).status).toBe(401);
  });

  it('two concurrent refreshes with the same token: exactly one wins', async () => {
    const { refreshToken } = (await login('zhongcang')).body;
    const both = await Promise.all([0, 1].map(() => t.http().post('/auth/refresh').send({ refreshToken })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('an unsigned (alg none) or re-signed token is refused with 401 AUTH_TOKEN_INVALID', async () => {
    const [, payload] = (await login('clerk')).body.accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const forged = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${payload}.${'A'.repeat(43)}`;
    for (const token of [none, forged]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    }
  });

  it('logout ends the session at once: the same access token and its refresh token answer 401', async () => {
    const { accessToken, refreshToken } = (await login('songzhuang')).body;
    expect((await me(accessToken)).status).toBe(200);
    const out = await t.http().post('/auth/logout').set('authorization', `Bearer ${accessToken}`);
    expect(out.status).toBe(204);
    const after = await me(accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_SESSION_ENDED');
    expect((await t.http().post('/auth/refresh').send({ refreshToken })).status).toBe(401);
    expect((await t.http().post('/auth/logout').set('authorization', `Bearer ${accessToken}`)).status).toBe(401);
  });

  it('deactivation by the admin ends every session of that user at once', async () => {
    const created = await t.http().post('/users').set('authorization', `Bearer ${admin}`)
      .send({ username: 'temp.clerk', displayName: '临时承办人', role: 'reconsideration_clerk', password: 'Temp#Password2026' });
    expect(created.status).toBe(201);
    const a = (await login('temp.clerk', 'Temp#Password2026')).body;
    const b = (await login('temp.clerk', 'Temp#Password2026')).body;
    expect((await me(a.accessToken)).status).toBe(200);

    const off = await t.http().post(`/users/${created.body.id}/deactivate`).set('authorization', `Bearer ${admin}`);
    expect([200, 201]).toContain(off.status);
    expect(off.body.active).toBe(false);
    for (const token of [a.accessToken, b.accessToken]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_SESSION_ENDED');
    }
    expect((await t.http().post('/auth/refresh').send({ refreshToken: a.refreshToken })).status).toBe(401);
    const again = await login('temp.clerk', 'Temp#Password2026');
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    const self = await t.http().post(`/users/${(await me(admin)).body.id}/deactivate`).set('authorization', `Bearer ${admin}`);
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('USER_SELF_DEACTIVATION');
  });

  it('only the admin may manage users (403 for everyone else)', async () => {
    const clerk = await t.login('clerk');
    const auditor = await t.login('auditor');
    for (const token of [clerk, auditor]) {
      const list = await t.http().get('/users').set('authorization', `Bearer ${token}`);
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('FORBIDDEN_ROLE');
      const create = await t.http().post('/users').set('authorization', `Bearer ${token}`)
        .send({ username: 'sneaky', displayName: '越权', role: 'admin', password: 'Sneaky#Password1' });
      expect(create.status).toBe(403);
    }
    expect((await t.db.ds.query(`SELECT 1 FROM users WHERE username = 'sneaky'`))).toEqual([]);
    expect((await t.http().get('/users').set('authorization', `Bearer ${admin}`)).status).toBe(200);
  });

  it('the auditor reads /audit and /audit/verify; the admin may not (separation of duties)', async () => {
    const auditor = await t.login('auditor');
    const list = await t.http().get('/audit').set('authorization', `Bearer ${auditor}`);
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((r: any) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.account_locked', 'user.deactivate']));
    const verify = await t.http().get('/audit/verify').set('authorization', `Bearer ${auditor}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ breaks: [] });
    expect(verify.body.rows).toBeGreaterThan(10);
    for (const path of ['/audit', '/audit/verify']) {
      const res = await t.http().get(path).set('authorization', `Bearer ${admin}`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    expect((await t.http().get('/audit')).status).toBe(401);
  });

  it('pages /audit with a cursor, newest first, rows in camelCase', async () => {
    const auditor = await t.login('auditor');
    const all = (await t.http().get('/audit?limit=1000').set('authorization', `Bearer ${auditor}`)).body.items;
    const first = await t.http().get('/audit?limit=2').set('authorization', `Bearer ${auditor}`);
    expect(first.body.items.map((r: any) => r.id)).toEqual(all.slice(0, 2).map((r: any) => r.id));
    expect(first.body.items[0]).toMatchObject({ occurredAt: expect.any(String), subjectType: expect.any(String), actorRole: expect.anything() });
    const second = await t.http().get(`/audit?limit=2&cursor=${first.body.nextCursor}`).set('authorization', `Bearer ${auditor}`);
    expect(second.body.items.map((r: any) => r.id)).toEqual(all.slice(2, 4).map((r: any) => r.id));
    expect((await t.http().get('/audit?limit=1001').set('authorization', `Bearer ${auditor}`)).status).toBe(400);
    expect((await t.http().get('/audit?cursor=abc').set('authorization', `Bearer ${auditor}`)).status).toBe(400);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: 3 });
  });
  afterAll(() => t?.close());

  it('the 4th login within a minute answers 429 RATE_LIMITED and never reaches the password check', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.http().post('/auth/login').send({ username: 'clerk', password: 'wrong' })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const fourth = await t.http().post('/auth/login').send({ username: 'clerk', password: DEMO_PASSWORD });
    expect(fourth.status).toBe(429);
    expect(fourth.body.code).toBe('RATE_LIMITED');
    expect(fourth.body.message).toMatch(/[\u4e00-\u9fff]/);
    const [{ n }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'auth.%'`);
    expect(n).toBe(3);
    const [{ failed_logins }] = await t.db.ds.query(`SELECT failed_logins FROM users WHERE username = 'clerk'`);
    expect(failed_logins).toBe(3);
  });
});
