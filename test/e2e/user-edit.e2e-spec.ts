import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 16 item 3: the system administrator edits a user's name, township (township clerks only) and section, against
 * the version he read. Roles stay with the security administrator; the three administrator accounts are not edited (三员).
 */
describe('PATCH /users/:id: name, township and section', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const bearer = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const userOf = async (username: string) =>
    (await t.db.ds.query('SELECT id, display_name, township_id, section, version FROM users WHERE username = $1', [username]))[0] as {
      id: string; display_name: string; township_id: number | null; section: string | null; version: number;
    };
  const edit = (who: string, id: string, body: object) => t.http().patch(`/users/${id}`).set(bearer(who)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'secadmin', 'auditor', 'clerk']) tokens[u] = await t.login(u);
  });
  afterAll(() => t?.close());

  it('edits a township clerk: the list\'s view with the new version, one audit row naming the changed fields only', async () => {
    const before = await userOf('zhongcang');
    const res = await edit('admin', before.id, { version: before.version, displayName: '中仓分中心 李敏华', townshipId: 12, section: '综合室' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: before.id, username: 'zhongcang', displayName: '中仓分中心 李敏华', role: 'township_clerk', townshipId: 12, section: '综合室',
      active: true, locked: false, totpMissing: false, version: before.version + 1, allowedActions: ['edit', 'resetPassword', 'deactivate'],
    });
    const list = await t.http().get('/users').set(bearer('admin'));
    expect(list.body.items.find((u: any) => u.id === before.id)).toEqual(res.body);
    // The rows say what the asking administrator may do: nothing on the three administrator accounts (三员).
    const actions = (items: any[]) => Object.fromEntries(items.filter((u) => ['admin', 'secadmin', 'auditor', 'clerk'].includes(u.username)).map((u) => [u.username, u.allowedActions]));
    expect(actions(list.body.items)).toEqual({ admin: [], auditor: [], secadmin: [], clerk: ['edit', 'resetPassword', 'deactivate'] });
    const secList = await t.http().get('/users').set(bearer('secadmin'));
    expect(actions(secList.body.items)).toEqual({ admin: [], auditor: [], secadmin: [], clerk: ['changeRole'] });
    const rows = await t.db.ds.query(`SELECT actor_role, summary FROM audit_log WHERE action = 'user.update' AND subject_id = $1`, [before.id]);
    expect(rows).toEqual([{ actor_role: 'admin', summary: { changed: ['display_name', 'township_id', 'section'], townshipId: 12, section: '综合室' } }]);
    expect(JSON.stringify(rows)).not.toContain('李敏');
    // A stale version is a concurrent edit: 409, nothing changed.
    const stale = await edit('admin', before.id, { version: before.version, section: '审理一科' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('USER_VERSION_CONFLICT');
    expect((await userOf('zhongcang')).section).toBe('综合室');
  });

  it('a township only for a township clerk, never cleared from one; bad input is a 400 with a stable code', async () => {
    const clerk = await userOf('clerk');
    const onDistrict = await edit('admin', clerk.id, { version: clerk.version, townshipId: 1 });
    expect(onDistrict.status).toBe(400);
    expect(onDistrict.body).toMatchObject({ code: 'USER_TOWNSHIP_MISMATCH', message: '只有分中心角色可以指定街乡镇' });
    const township = await userOf('songzhuang');
    const cleared = await edit('admin', township.id, { version: township.version, townshipId: null });
    expect(cleared.body).toMatchObject({ code: 'USER_TOWNSHIP_MISMATCH', message: '分中心接待员必须指定所属街乡镇' });
    expect((await edit('admin', township.id, { version: township.version, townshipId: 999 })).body.code).toBe('USER_UNKNOWN_TOWNSHIP');
    expect((await edit('admin', clerk.id, { version: clerk.version, role: 'office_head' })).status).toBe(400); // no role here
    expect((await edit('admin', clerk.id, { version: clerk.version, section: 'x'.repeat(33) })).status).toBe(400);
    expect(await userOf('clerk')).toEqual(clerk);
    // Null clears the section (a blank is read as absent, like everywhere in the api).
    const res = await edit('admin', clerk.id, { version: clerk.version, section: null });
    expect(res.body).toMatchObject({ section: null, townshipId: null, version: clerk.version + 1 });
  });

  it('the three administrator accounts are refused (403 USER_ROLE_RESERVED, audited); other roles may not edit', async () => {
    for (const username of ['admin', 'secadmin', 'auditor']) {
      const target = await userOf(username);
      const res = await edit('admin', target.id, { version: target.version, section: '综合室' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('USER_ROLE_RESERVED');
      const [row] = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'user.management_refused' AND subject_id = $1 ORDER BY id DESC LIMIT 1`, [target.id]);
      expect(row.summary).toEqual({ attempted: 'user.update', code: 'USER_ROLE_RESERVED' });
      expect(await userOf(username)).toEqual(target);
    }
    const clerk2 = await userOf('clerk2');
    for (const who of ['secadmin', 'auditor', 'clerk']) {
      const res = await edit(who, clerk2.id, { version: clerk2.version, section: '综合室' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    expect(await userOf('clerk2')).toEqual(clerk2);
  });
});
