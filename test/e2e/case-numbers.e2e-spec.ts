import { Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { RegistrationService } from '@fuyi/cases';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 15 item 2: case numbers are taken outside the registration's transaction (case-number-allocator.ts), so
 * registrations of the district no longer queue behind one another's commits; numbers stay unique per year and the
 * numbers of registrations that never completed are listed for the office.
 */
describe('case numbers without a district-wide queue', () => {
  let t: TestApp;
  let respondentId: number;
  let zhongcang: string;
  let head: string;
  const year = Number(shanghaiDate(new Date()).slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    [zhongcang, head] = await Promise.all([t.login('zhongcang'), t.login('head')]);
  });
  afterAll(() => t.close());

  const register = () => t.http().post('/applications').set('authorization', `Bearer ${zhongcang}`).send(applicationBody(respondentId));
  const gaps = (token = head, query = '') => t.http().get(`/case-numbers/gaps${query}`).set('authorization', `Bearer ${token}`);

  it('100 parallel registrations get 100 distinct, consecutive numbers of the year, and no gap', async () => {
    const before = (await gaps()).body;
    const results = await Promise.all(Array.from({ length: 100 }, register));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const seqs = results.map((r) => Number(/第(\d+)号/.exec(r.body.caseNumber)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(100);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => before.lastIssued + 1 + i));
    expect((await gaps()).body).toMatchObject({ year, lastIssued: before.lastIssued + 100, registered: before.registered + 100, unusedCount: before.unusedCount });
  });

  it('a registration still open does not hold up the next one; if it then fails, its number is listed as unused', async () => {
    const registration = t.app.get(RegistrationService);
    const [u] = await t.db.ds.query(`SELECT id, township_id FROM users WHERE username = 'zhongcang'`);
    const actor: Actor = { userId: u.id, username: 'zhongcang', role: Role.TownshipClerk, townshipId: u.township_id };
    const runner = t.db.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const open = await registration.register(runner.manager, actor, applicationBody(respondentId) as never);
      // With the counter locked until commit (the old design) this request would wait for the open transaction forever.
      const next = await register();
      expect(next.status).toBe(201);
      expect(next.body.caseNumber).not.toBe(open.caseNumber);
      await runner.rollbackTransaction();
      const view = (await gaps()).body;
      expect(view.unused).toContainEqual({ seq: Number(/第(\d+)号/.exec(open.caseNumber)![1]), caseNumber: open.caseNumber });
      expect(view.unusedCount).toBe(view.lastIssued - view.registered);
    } finally {
      await runner.release();
    }
  });

  it('the list is the office’s: a township clerk is refused, a bad year is a 400 with a clear message', async () => {
    expect((await gaps(zhongcang)).status).toBe(403);
    const bad = await gaps(head, '?year=20x6');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '年度应为 2000 到 2100 之间的四位数字' });
    expect((await gaps(head, '?year=2001')).body).toMatchObject({ year: 2001, lastIssued: 0, registered: 0, unusedCount: 0, unused: [] });
  });
});
