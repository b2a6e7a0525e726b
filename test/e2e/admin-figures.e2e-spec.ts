import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The system administrator's home figures (issue 16 item 5): dead-lettered deliveries and locked accounts, each equal
 * to the rows of the page it opens (the dead-letter list; the users list's rows marked locked).
 */
describe('administrator home figures', () => {
  let t: TestApp;
  let admin: string;
  const auth = () => ({ authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  async function figures(): Promise<Record<string, number>> {
    const res = await t.http().get('/me/figures').set(auth());
    expect(res.status).toBe(200);
    expect(res.body.figures.map((f: { key: string }) => f.key)).toEqual(['deadLetters', 'lockedAccounts']);
    for (const f of res.body.figures) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
    return Object.fromEntries(res.body.figures.map((f: { key: string; count: number }) => [f.key, f.count]));
  }
  const lockedRows = async () =>
    (await t.http().get('/users?limit=500').set(auth())).body.items
      .filter((u: { locked: boolean }) => u.locked)
      .map((u: { username: string }) => u.username);
  const deadRows = async () => (await t.http().get('/deliveries/dead-letters?limit=200').set(auth())).body.items.length;

  it('counts the accounts locked by repeated failed sign-ins, as the users list marks them', async () => {
    const before = await figures();
    expect(before.lockedAccounts).toBe((await lockedRows()).length);
    for (let i = 0; i < 6; i++) await t.http().post('/auth/login').send({ username: 'mediator', password: 'wrong-password-1A!' });
    const after = await figures();
    expect(after.lockedAccounts - before.lockedAccounts).toBe(1);
    expect(await lockedRows()).toEqual(expect.arrayContaining(['mediator']));
    expect(after.lockedAccounts).toBe((await lockedRows()).length);
  });

  it('counts the dead-lettered deliveries the dead-letter list shows', async () => {
    expect((await figures()).deadLetters).toBe(await deadRows());
  });
});
