import { createHash } from 'node:crypto';
import { createApp } from '../../apps/api/src/create-app';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { createTestApp, type TestApp } from '../support/test-app';

const keyOf = (username: string) => createHash('sha256').update(username).digest('hex');

/** Authentication: tokens, lockout (kept in Postgres), refresh rotation, immediate logout/deactivation, roles, rate limit. */
describe('authentication and authorisation (HTTP, real Postgres and Redis)', () => {
  let t: TestApp;
  let admin: string;

  const login = (username: string, password = DEMO_PASSWORD) => t.http().post('/auth/login').send({ username, password });
  const me = (token: string) => t.http().get('/auth/me').set('authorization', `Bearer ${token}`);
  const userRow = async (username: string) => {
    const [user] = await t.db.ds.query('SELECT id FROM users WHERE username = $1', [username]);
    const [a] = await t.db.ds.query('SELECT attempts, window_start, locked_until FROM login_attempts WHERE username_key = $1', [keyOf(username)]);
    return { id: user?.id as string, failed_logins: (a?.attempts ?? 0) as number, locked_until: (a?.locked_until ?? null) as Date | null };
  };
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
    expect(who.body).toEqual({ id: res.body.user.id, username: 'clerk', role: 'reconsideration_clerk', townshipId: null, credentialChangeRequired: false, totpEnrolmentRequired: false });
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

  it('the 5th attempt within 15 minutes locks; the right password is then refused alike (401), one audit row per attempt', async () => {
    const { id } = await userRow('mediator');
    const bodies: any[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await login('mediator', `wrong-${i}`);
      expect(res.status).toBe(401);
      bodies.push(res.body);
      if (i === 3) expect((await userRow('mediator')).failed_logins).toBe(3); // the counter lives in Postgres
    }
    const row = await userRow('mediator');
    const lockedForMinutes = (new Date(row.locked_until!).getTime() - Date.now()) / 60_000;
    expect(lockedForMinutes).toBeGreaterThan(14);
    expect(lockedForMinutes).toBeLessThanOrEqual(15.1);

    const right = await login('mediator');
    const unknown = await login('no-such-user', 'whatever');
    for (const res of [right, unknown]) {
      expect(res.status).toBe(401);
      bodies.push(res.body);
    }
    // Locked, wrong and unknown: the same code, message and keys, nothing about a lock or its end.
    expect(new Set(bodies.map((b) => JSON.stringify([b.code, b.message, Object.keys(b).sort()])))).toHaveProperty('size', 1);
    expect(right.body.code).toBe('AUTH_INVALID_CREDENTIALS');

    const audited = await auditActions(id);
    expect(audited.filter((a) => a.action === 'auth.account_locked')).toHaveLength(1);
    expect(audited.filter((a) => a.action === 'auth.login_failed').map((a) => a.summary.reason)).toEqual([...Array(5).fill('bad_password'), 'locked']);
    expect(audited.map((a) => a.action)).not.toContain('auth.login');

    // The lock is time-bound: once locked_until has passed, the right password works again.
    await t.db.ds.query(`UPDATE login_attempts SET locked_until = now() - interval '1 second' WHERE username_key = $1`, [keyOf('mediator')]);
    expect((await login('mediator')).status).toBe(200);
    expect(await userRow('mediator')).toMatchObject({ failed_logins: 0, locked_until: null }); // success clears the count
  });

  it('failures older than the 15-minute window do not count towards the lock', async () => {
    await login('liaison', 'wrong');
    await t.db.ds.query(`UPDATE login_attempts SET attempts = 4, window_start = now() - interval '16 minutes' WHERE username_key = $1`, [keyOf('liaison')]);
    expect((await login('liaison', 'wrong')).status).toBe(401);
    const row = await userRow('liaison');
    expect(row.failed_logins).toBe(1);
    expect(row.locked_until).toBeNull();
  });

  it('15 parallel wrong passwords: the lock fires once and only 5 passwords are ever checked', async () => {
    const { id } = await userRow('head');
    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => login('head', `wrong-${i}`)));
    expect(burst.map((r) => r.status)).toEqual(Array(15).fill(401));
    const audited = await auditActions(id);
    expect(audited.filter((a) => a.action === 'auth.account_locked')).toHaveLength(1);
    const reasons = audited.filter((a) => a.action === 'auth.login_failed').map((a) => a.summary.reason);
    expect(reasons.filter((r) => r === 'bad_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(10);
    expect((await login('head')).status).toBe(401);
  });

  it('14 wrong and 1 right password in parallel: no password is checked past the limit, whatever the order of arrival', async () => {
    const { id } = await userRow('zhongcang');
    try {
      const all = await Promise.all([...Array.from({ length: 14 }, (_, i) => login('zhongcang', `wrong-${i}`)), login('zhongcang')]);
      const right = all[14];
      const audited = await auditActions(id);
      const wrongChecked = audited.filter((a) => a.action === 'auth.login_failed' && a.summary.reason === 'bad_password').length;
      expect(all.slice(0, 14).every((r) => r.status === 401)).toBe(true);
      if (right.status === 200) {
        // It arrived among the first 5 and cleared the count (a success does): the rest start a new count of 5.
        expect(wrongChecked).toBeLessThanOrEqual(9);
        expect(audited.filter((a) => a.action === 'auth.login')).toHaveLength(1);
      } else {
        expect(right.status).toBe(401);
        expect(wrongChecked).toBe(5);
        expect(audited.filter((a) => a.action === 'auth.account_locked')).toHaveLength(1);
        expect((await login('zhongcang')).status).toBe(401); // locked: the right password waits like everyone
      }
    } finally {
      await t.db.ds.query('DELETE FROM login_attempts WHERE username_key = $1', [keyOf('zhongcang')]);
    }
  });

  it('an unknown username is counted and locked like a real one: five tries, then the same 401', async () => {
    const name = 'ghost.user';
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(name, `guess-${i}`)).status);
    expect(statuses).toEqual(Array(7).fill(401));
    const [row] = await t.db.ds.query('SELECT attempts, locked_until FROM login_attempts WHERE username_key = $1', [keyOf(name)]);
    expect(row.attempts).toBe(7);
    expect(row.locked_until).not.toBeNull();
    const hashed = keyOf(name).slice(0, 16);
    const reasons = (await auditActions(hashed)).map((a) => a.action === 'auth.login_failed' ? a.summary.reason : a.action);
    expect(reasons).toEqual(['unknown_user', 'unknown_user', 'unknown_user', 'unknown_user', 'unknown_user', 'auth.account_locked', 'locked', 'locked']);
  });

  it('a lock survives a restart: a new api process on the same database still refuses the right password', async () => {
    for (let i = 0; i < 5; i++) await login('songzhuang', 'wrong');
    const second = await createApp(t.db.config, { rateLimitPerMinute: 10_000 });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    try {
      const res = await second.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: 'songzhuang', password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    } finally {
      await second.close();
    }
    await t.db.ds.query('DELETE FROM login_attempts WHERE username_key = $1', [keyOf('songzhuang')]);
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
    expect((await t.http().post('/auth/refresh').send({ refreshToken: 'not-a-token' })).status).toBe(401);
  });

  it('replaying a used refresh token ends the whole session (the rotated token and its access token too) with an audit row', async () => {
    const first = (await login('zhongcang')).body;
    const rotated = (await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken })).body;
    const sessionId = first.refreshToken.split('.')[0];
    expect((await me(rotated.accessToken)).status).toBe(200);

    const replay = await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await t.http().post('/auth/refresh').send({ refreshToken: rotated.refreshToken })).status).toBe(401);
    const after = await me(rotated.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_SESSION_ENDED');
    const [session] = await t.db.ds.query('SELECT revoked_at, revoked_reason FROM sessions WHERE id = $1', [sessionId]);
    expect(session).toMatchObject({ revoked_at: expect.any(Date), revoked_reason: 'refresh_reuse' });
    const { id } = await userRow('zhongcang');
    expect(await auditActions(id)).toContainEqual(expect.objectContaining({ action: 'auth.refresh_reuse', actor_id: null, summary: { sessionId } }));
    // A guessed secret for a live session is not a replay: it is refused and the session lives on.
    const other = (await login('zhongcang')).body;
    const guess = await t.http().post('/auth/refresh').send({ refreshToken: `${other.refreshToken.split('.')[0]}.${'A'.repeat(43)}` });
    expect(guess.status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('two concurrent refreshes with the same token: exactly one wins, and the loser counts as a replay', async () => {
    const { refreshToken } = (await login('zhongcang')).body;
    const both = await Promise.all([0, 1].map(() => t.http().post('/auth/refresh').send({ refreshToken })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
    const [session] = await t.db.ds.query('SELECT revoked_reason FROM sessions WHERE id = $1', [refreshToken.split('.')[0]]);
    expect(session.revoked_reason).toBe('refresh_reuse');
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

  it('/users is a page by username: the cursor reaches every account once, a bad limit or cursor is a 400', async () => {
    const get = (q: Record<string, string | number>) => t.http().get('/users').query(q).set('authorization', `Bearer ${admin}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(cursor ? { limit: 3, cursor } : { limit: 3 });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((u: { username: string }) => u.username));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all: Array<{ username: string }> = await t.db.ds.query('SELECT username FROM users ORDER BY username');
    expect(seen).toEqual(all.map((u) => u.username));
    expect((await get({ limit: 501 })).body.code).toBe('VALIDATION_FAILED');
    expect((await get({ cursor: '%%%' })).status).toBe(400);
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
  describe('三员分立 and passwords (issue 14 items 1 and 4)', () => {
    const asAdmin = () => ({ authorization: `Bearer ${admin}` });
    const auditorId = async () => (await t.db.ds.query(`SELECT id FROM users WHERE username = 'auditor'`))[0].id as string;

    it('the administrator cannot create an auditor or administrator, nor reset or deactivate the real auditor', async () => {
      for (const role of ['auditor', 'admin']) {
        const res = await t.http().post('/users').set(asAdmin()).send({ username: `fake.${role}`, displayName: '冒名', role, password: 'Chosen#Pass2026' });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('USER_ROLE_RESERVED');
      }
      const id = await auditorId();
      expect((await t.http().post(`/users/${id}/deactivate`).set(asAdmin())).body.code).toBe('USER_ROLE_RESERVED');
      expect((await t.http().post(`/users/${id}/reset-password`).set(asAdmin()).send({ password: 'Chosen#Pass2026' })).body.code).toBe('USER_ROLE_RESERVED');
      expect(await t.db.ds.query(`SELECT 1 FROM users WHERE username LIKE 'fake.%'`)).toEqual([]);
      expect((await t.db.ds.query(`SELECT active FROM users WHERE id = $1`, [id]))[0].active).toBe(true);
      expect((await login('auditor')).status).toBe(200); // the auditor's own password still works
    });

    it.each(['aaaaaaaaaa', '1234567890', 'password12', 'weak.user#2026X'])('a new account with password %s is refused (400 PASSWORD_POLICY)', async (password) => {
      const res = await t.http().post('/users').set(asAdmin()).send({ username: 'weak.user', displayName: '弱密码', role: 'reconsideration_clerk', password });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'PASSWORD_POLICY', fields: [expect.objectContaining({ field: 'password' })] });
      expect(await t.db.ds.query(`SELECT 1 FROM users WHERE username = 'weak.user'`)).toEqual([]);
    });

    it('an account created or reset by the administrator must change its password first; the change ends its other sessions', async () => {
      const created = await t.http().post('/users').set(asAdmin()).send({ username: 'fresh.clerk', displayName: '新承办人', role: 'reconsideration_clerk', password: 'Given#ByAdmin2026' });
      expect(created.status).toBe(201);
      const first = await login('fresh.clerk', 'Given#ByAdmin2026');
      expect(first.body.credentialChangeRequired).toBe(true);
      const other = (await login('fresh.clerk', 'Given#ByAdmin2026')).body.accessToken;
      const blocked = await t.http().get('/intake-queue').set('authorization', `Bearer ${first.body.accessToken}`);
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const change = (token: string, currentPassword: string, newPassword: string) =>
        t.http().post('/auth/password').set('authorization', `Bearer ${token}`).send({ currentPassword, newPassword });
      expect((await change(first.body.accessToken, 'wrong-current-1', 'Mine#Own2026pass')).body.code).toBe('AUTH_PASSWORD_WRONG');
      expect((await change(first.body.accessToken, 'Given#ByAdmin2026', 'password12')).body.code).toBe('PASSWORD_POLICY');
      expect((await change(first.body.accessToken, 'Given#ByAdmin2026', 'Mine#Own2026pass')).status).toBe(204);
      expect((await t.http().get('/intake-queue').set('authorization', `Bearer ${first.body.accessToken}`)).status).toBe(200);
      expect((await me(other)).status).toBe(401); // the other session ended
      expect((await login('fresh.clerk', 'Given#ByAdmin2026')).status).toBe(401);
      const again = await login('fresh.clerk', 'Mine#Own2026pass');
      expect(again.body.credentialChangeRequired).toBe(false);

      // A reset by the administrator: sessions end, and the temporary password must be changed again.
      const reset = await t.http().post(`/users/${created.body.id}/reset-password`).set(asAdmin()).send({ password: 'Temp#Reset2026x' });
      expect(reset.status).toBe(200);
      expect((await me(again.body.accessToken)).status).toBe(401);
      const afterReset = await login('fresh.clerk', 'Temp#Reset2026x');
      expect(afterReset.body.credentialChangeRequired).toBe(true);
      const audited = (await auditActions(created.body.id)).map((a) => a.action);
      expect(audited).toEqual(expect.arrayContaining(['user.create', 'auth.password_change', 'user.password_reset']));
    });
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
    const [{ attempts }] = await t.db.ds.query(`SELECT attempts FROM login_attempts WHERE username_key = $1`, [keyOf('clerk')]);
    expect(attempts).toBe(3);
  });

  it('the count is shared by every api process (PostgreSQL, issue 14 item 12): a second process refuses the same client at once', async () => {
    const second = await createApp(t.db.config, { rateLimitPerMinute: 3 });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    try {
      const res = await second.inject({ method: 'POST', url: apiPath('/auth/login'), remoteAddress: '127.0.0.1', payload: { username: 'clerk', password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another client address has its own count, on either process.
      const other = await second.inject({ method: 'POST', url: apiPath('/auth/login'), remoteAddress: '10.9.8.7', payload: { username: 'nobody', password: 'x' } });
      expect(other.statusCode).toBe(401);
    } finally {
      await second.close();
    }
    const [{ n }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM rate_limits`);
    expect(n).toBeGreaterThan(0);
  });
});
