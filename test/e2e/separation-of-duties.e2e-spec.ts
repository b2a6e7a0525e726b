import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);

/**
 * Issue 14 item 1, completed: 三员分立. The system administrator manages users' existence; the security administrator
 * alone changes roles; the auditor reads; nobody changes their own role or an account of the three administrator roles
 * through the api; the operator creates and resets those with the CLI. Every refusal is a 403 with a stable code, audited.
 */
describe('三员分立: security administrator, roles and the operator CLI', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const bearer = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const userOf = async (username: string) =>
    (await t.db.ds.query('SELECT id, role, township_id, version FROM users WHERE username = $1', [username]))[0] as { id: string; role: string; township_id: number | null; version: number };
  const refusals = async (subjectId: string) =>
    (await t.db.ds.query(`SELECT actor_role, summary FROM audit_log WHERE action = 'user.management_refused' AND subject_id = $1 ORDER BY id`, [subjectId])) as Array<{ actor_role: string; summary: any }>;
  const setRole = (who: string, id: string, body: object) => t.http().put(`/users/${id}/role`).set(bearer(who)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'auditor', 'secadmin', 'clerk2']) tokens[u] = await t.login(u);
  });
  afterAll(() => t?.close());

  it('the security administrator changes a role: the row changes, the user\'s sessions end, one audit row says from and to', async () => {
    const before = await userOf('clerk2');
    const res = await setRole('secadmin', before.id, { role: 'section_chief', version: before.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'section_chief', townshipId: null, version: before.version + 1 });
    expect((await t.http().get('/auth/me').set(bearer('clerk2'))).status).toBe(401); // the old role's token is gone
    const [row] = await t.db.ds.query(`SELECT actor_role, summary FROM audit_log WHERE action = 'user.role_change' AND subject_id = $1`, [before.id]);
    expect(row).toMatchObject({ actor_role: 'security_admin', summary: { from: 'reconsideration_clerk', to: 'section_chief' } });
    // A stale version is a concurrent edit: 409, nothing changed.
    const stale = await setRole('secadmin', before.id, { role: 'mediator', version: before.version });
    expect(stale.status).toBe(409);
    expect((await userOf('clerk2')).role).toBe('section_chief');
    // A township clerk needs an existing township; moving back to district work clears it.
    const v = (await userOf('clerk2')).version;
    expect((await setRole('secadmin', before.id, { role: 'township_clerk', version: v })).body.code).toBe('USER_TOWNSHIP_MISMATCH');
    expect((await setRole('secadmin', before.id, { role: 'township_clerk', townshipId: 999, version: v })).body.code).toBe('USER_UNKNOWN_TOWNSHIP');
    expect((await setRole('secadmin', before.id, { role: 'township_clerk', townshipId: 1, version: v })).body.townshipId).toBe(1);
    expect((await setRole('secadmin', before.id, { role: 'reconsideration_clerk', version: v + 1 })).body).toMatchObject({ role: 'reconsideration_clerk', townshipId: null });
  });

  it('neither the system administrator nor the auditor changes a role: 403 FORBIDDEN_ROLE, audited, nothing changed', async () => {
    const clerk = await userOf('clerk');
    for (const who of ['admin', 'auditor']) {
      const res = await setRole(who, clerk.id, { role: 'office_head', version: clerk.version });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN_ROLE', message: '当前角色无权执行此操作' });
    }
    expect(await userOf('clerk')).toEqual(clerk);
    // The route as the router serves it, under /api (issue 11).
    expect((await refusals(clerk.id)).map((r) => [r.actor_role, r.summary])).toEqual([
      ['admin', { attempted: 'PUT /api/users/:id/role', code: 'FORBIDDEN_ROLE' }],
      ['auditor', { attempted: 'PUT /api/users/:id/role', code: 'FORBIDDEN_ROLE' }],
    ]);
  });

  it('nobody changes their own role, nor the role of the three administrator accounts, nor grants one of those roles', async () => {
    const self = await userOf('secadmin');
    const own = await setRole('secadmin', self.id, { role: 'office_head', version: self.version });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'USER_SELF_ROLE_CHANGE', message: '不能变更自己的角色（三员分立）' });
    for (const username of ['admin', 'auditor']) {
      const target = await userOf(username);
      const res = await setRole('secadmin', target.id, { role: 'mediator', version: target.version });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('USER_ROLE_RESERVED');
      expect(res.body.message).toContain('三员分立');
      expect((await userOf(username)).role).toBe(username);
      expect((await refusals(target.id)).at(-1)?.summary).toEqual({ attempted: 'user.role_change', code: 'USER_ROLE_RESERVED' });
    }
    const clerk = await userOf('clerk');
    for (const role of ['admin', 'auditor', 'security_admin']) {
      const res = await setRole('secadmin', clerk.id, { role, version: clerk.version });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('USER_ROLE_RESERVED');
    }
    expect((await userOf('clerk')).role).toBe('reconsideration_clerk');
    expect((await refusals(self.id)).map((r) => r.summary.code)).toEqual(['USER_SELF_ROLE_CHANGE']);
  });

  it('the system administrator cannot create, reset or deactivate a security administrator; the security administrator creates no user', async () => {
    const res = await t.http().post('/users').set(bearer('admin')).send({ username: 'fake.sec', displayName: '冒名', role: 'security_admin', password: 'Chosen#Pass2026' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('USER_ROLE_RESERVED');
    // The refusal of a long (64-character) name is audited too: the name goes in the summary, not the subject id.
    const long = 'x'.repeat(64);
    expect((await t.http().post('/users').set(bearer('admin')).send({ username: long, displayName: '冒名', role: 'auditor', password: 'Chosen#Pass2026' })).status).toBe(403);
    expect((await refusals('new-user')).map((r) => r.summary)).toContainEqual({ attempted: 'user.create', code: 'USER_ROLE_RESERVED', username: long, role: 'auditor' });
    const sec = await userOf('secadmin');
    expect((await t.http().post(`/users/${sec.id}/deactivate`).set(bearer('admin'))).body.code).toBe('USER_ROLE_RESERVED');
    expect((await t.http().post(`/users/${sec.id}/reset-password`).set(bearer('admin')).send({ password: 'Chosen#Pass2026' })).body.code).toBe('USER_ROLE_RESERVED');
    const create = await t.http().post('/users').set(bearer('secadmin')).send({ username: 'by.sec', displayName: '新用户', role: 'mediator', password: 'Chosen#Pass2026' });
    expect(create.status).toBe(403);
    for (const path of ['/audit', '/audit/verify']) expect((await t.http().get(path).set(bearer('secadmin'))).status).toBe(403);
    expect((await t.http().get('/users').set(bearer('secadmin'))).status).toBe(200); // to find whom to change
    expect(await t.db.ds.query(`SELECT 1 FROM users WHERE username IN ('fake.sec', 'by.sec')`)).toEqual([]);
    expect((await refusals(sec.id)).map((r) => r.summary.attempted)).toEqual(expect.arrayContaining(['user.deactivate', 'user.password_reset']));
  });

  it('the operator creates and resets an auditor with the CLI: a one-time password to change at first login, audited as via cli', async () => {
    const env = { ...process.env, DATABASE_URL: t.db.appUrl, NODE_ENV: 'test' };
    const cli = (...args: string[]) => run('node', ['-r', '@swc-node/register', 'scripts/cli.ts', ...args], { env, cwd: process.cwd() });
    const created = JSON.parse((await cli('users', 'create', 'auditor2', '--role', 'auditor', '--name', '安全审计员 二')).stdout);
    expect(created).toMatchObject({ username: 'auditor2', temporaryPassword: expect.any(String) });
    const first = await t.http().post('/auth/login').send({ username: 'auditor2', password: created.temporaryPassword });
    expect(first.status).toBe(200);
    expect(first.body.credentialChangeRequired).toBe(true);
    const reset = JSON.parse((await cli('users', 'reset-password', 'auditor2')).stdout);
    expect(reset.temporaryPassword).not.toBe(created.temporaryPassword);
    expect((await t.http().get('/auth/me').set('authorization', `Bearer ${first.body.accessToken}`)).status).toBe(401);
    const rows = await t.db.ds.query(`SELECT action, actor_id, summary FROM audit_log WHERE subject_id = $1 ORDER BY id`, [created.userId]);
    expect(rows.map((r: any) => [r.action, r.actor_id, r.summary.via])).toEqual(expect.arrayContaining([
      ['user.create', null, 'cli'], ['user.password_reset', null, 'cli'],
    ]));
    await expect(cli('users', 'create', 'auditor2', '--role', 'auditor', '--name', 'x')).rejects.toMatchObject({ stderr: expect.stringContaining('USER_EXISTS') });
  }, 60_000);
});
