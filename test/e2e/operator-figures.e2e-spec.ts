import { addDays, shanghaiDate } from '@fuyi/kernel';
import { createTestApp, type TestApp } from '../support/test-app';

interface Figure {
  key: string;
  label: string;
  count: number;
  query?: Record<string, string>;
}

/**
 * The home figures of the three operator roles (三员, issue 16 item 5), each equal to the rows of the page it opens:
 * the administrator's dead letters and locked accounts, the security administrator's locked accounts and accounts
 * without the second factor (the users list's marked rows), the auditor's audit-log counts (the log with the figure's query).
 */
describe('operator home figures (administrator, security administrator, auditor)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const today = shanghaiDate(new Date());
  const get = (path: string, user: string) =>
    t
      .http()
      .get(path)
      .set({ authorization: `Bearer ${tok[user]}` });

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'secadmin', 'auditor']) tok[u] = await t.login(u);
  });
  afterAll(() => t.close());

  async function figures(user: string, keys: string[]): Promise<Record<string, Figure>> {
    const res = await get('/me/figures', user);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(today);
    expect(res.body.figures.map((f: Figure) => f.key)).toEqual(keys);
    for (const f of res.body.figures) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
    return Object.fromEntries(res.body.figures.map((f: Figure) => [f.key, f]));
  }
  const marked = async (user: string, mark: 'locked' | 'totpMissing') =>
    (await get('/users?limit=500', user)).body.items
      .filter((u: Record<string, unknown>) => u[mark] === true)
      .map((u: { username: string }) => u.username);
  /** Every row of the audit log with these filters, paged through as the console pages. */
  async function auditRows(query: Record<string, string>): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const res = await get(`/audit?${new URLSearchParams({ ...query, limit: '7', ...(cursor ? { cursor } : {}) })}`, 'auditor');
      expect(res.status).toBe(200);
      n += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return n;
  }

  const ADMIN = ['deadLetters', 'lockedAccounts'];
  const SECURITY = ['lockedAccounts', 'totpMissing'];
  const AUDITOR = ['auditToday', 'auditLoginFailures', 'auditPersonalDataReads', 'auditDownloads', 'auditExports'];

  it('counts the accounts locked by repeated failed sign-ins, as the users list marks them, for both administrators', async () => {
    const before = (await figures('admin', ADMIN)).lockedAccounts!.count;
    expect(before).toBe((await marked('admin', 'locked')).length);
    for (let i = 0; i < 6; i++) await t.http().post('/auth/login').send({ username: 'mediator', password: 'wrong-password-1A!' });
    const after = (await figures('admin', ADMIN)).lockedAccounts!.count;
    expect(after - before).toBe(1);
    expect(await marked('admin', 'locked')).toEqual(expect.arrayContaining(['mediator']));
    expect(after).toBe((await marked('admin', 'locked')).length);
    expect((await figures('secadmin', SECURITY)).lockedAccounts!.count).toBe((await marked('secadmin', 'locked')).length);
  });

  it('counts the dead-lettered deliveries the dead-letter list shows', async () => {
    expect((await figures('admin', ADMIN)).deadLetters!.count).toBe(
      (await get('/deliveries/dead-letters?limit=200', 'admin')).body.items.length,
    );
  });

  it('counts the active accounts that must bind the second factor and have not, as the users list marks them', async () => {
    const before = (await figures('secadmin', SECURITY)).totpMissing!.count;
    expect(before).toBe((await marked('secadmin', 'totpMissing')).length);
    const liaison = (await get('/users?limit=500', 'secadmin')).body.items.filter(
      (u: { role: string; active: boolean }) => u.role === 'liaison_officer' && u.active,
    );
    expect(liaison.length).toBeGreaterThan(0);
    const policy = await t
      .http()
      .put('/security/totp-policy/liaison_officer')
      .set({ authorization: `Bearer ${tok.secadmin}` })
      .send({ required: true });
    expect(policy.status).toBe(200);
    const after = (await figures('secadmin', SECURITY)).totpMissing!.count;
    expect(after - before).toBe(liaison.length);
    expect(await marked('secadmin', 'totpMissing')).toEqual(expect.arrayContaining(liaison.map((u: { username: string }) => u.username)));
    expect(after).toBe((await marked('secadmin', 'totpMissing')).length);
  });

  it("gives the auditor the audit log's counts with the filter each opens, equal to the list's rows", async () => {
    const before = await figures('auditor', AUDITOR);
    expect(before.auditToday!.query).toEqual({ from: today, to: today });
    expect(before.auditPersonalDataReads!.query).toEqual({ action: 'case.read_personal_data', from: addDays(today, -6), to: today });
    expect(before.auditToday!.count).toBeGreaterThan(0); // the sign-ins above, today
    // A failed sign-in and an export (audited itself) move their figures by one each.
    await t.http().post('/auth/login').send({ username: 'nobody-at-all', password: 'wrong-password-1A!' });
    expect((await get('/audit/export?action=audit.export', 'auditor')).status).toBe(200);
    const after = await figures('auditor', AUDITOR);
    expect(after.auditLoginFailures!.count - before.auditLoginFailures!.count).toBe(1);
    expect(after.auditExports!.count - before.auditExports!.count).toBe(1);
    for (const f of Object.values(after)) expect([f.key, f.count]).toEqual([f.key, await auditRows(f.query!)]);
  });
});
