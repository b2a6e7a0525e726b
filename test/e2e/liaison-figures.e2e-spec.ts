import { addDays, shanghaiDate } from '@fuyi/kernel';
import { weekEndOf } from '@fuyi/cases';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A liaison officer's home figures (issue 16 item 5): overdue, due this week, awaiting me, each equal to the rows of
 * the liaison desk with the filter the figure opens (GET /liaison/view?due=… / ?waiting=officer), on a small dataset
 * whose answers are known (checked as differences from the figures before it was made).
 */
describe('liaison officer home figures and the desk filters they open', () => {
  let t: TestApp;
  let liaison: string;
  let head: string;
  let depts: number[];
  const today = shanghaiDate(new Date());
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    liaison = await t.login('liaison');
    head = await t.login('head');
    depts = (await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 2')).map((r: any) => r.id);
  });
  afterAll(() => t.close());

  const post = async (path: string, body: object, token = liaison) => {
    const res = await t.http().post(path).set(auth(token)).send(body);
    if (![200, 201].includes(res.status)) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  async function figures(): Promise<Record<string, number>> {
    const res = await t.http().get('/me/figures').set(auth(liaison));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: today, weekEnd: weekEndOf(today) });
    expect(res.body.figures.map((f: { key: string }) => f.key)).toEqual(['liaisonOverdue', 'liaisonDueThisWeek', 'liaisonAwaitingMe']);
    for (const f of res.body.figures) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
    return Object.fromEntries(res.body.figures.map((f: { key: string; count: number }) => [f.key, f.count]));
  }
  async function desk(query: string) {
    const res = await t.http().get(`/liaison/view?limit=200&${query}`).set(auth(liaison));
    expect(res.status).toBe(200);
    return res.body;
  }
  const rows = (v: any) =>
    v.notices.length + v.letters.length + v.casesInCourt.length + v.casesInLawsuitWindow.length + v.openClusters.length;

  /** A notice sent to two departments: one department's answer falls due on `dueOn`, the other's is far off. */
  async function sentNotice(dueOn: string): Promise<string> {
    const n = await post('/liaison/risk-notices', {
      title: '关于某片区拆违的风险提示',
      summary: '同一片区多户居民申请复议。',
      reasons: ['涉及多户'],
      suggestions: ['入户解释'],
      departmentIds: depts,
    });
    await post(`/liaison/risk-notices/${n.id}/submit`, { version: 1 });
    await post(`/liaison/risk-notices/${n.id}/approve`, { version: 2 }, head);
    await post(`/liaison/risk-notices/${n.id}/send`, { version: 3 });
    await t.db.ds.query(
      `UPDATE liaison_notice_recipients SET due_on = CASE WHEN department_id = $2 THEN $3::date ELSE $4::date END WHERE notice_id = $1`,
      [n.id, depts[0], dueOn, addDays(today, 60)],
    );
    return n.id;
  }

  it('each figure is the number of rows of the desk it opens, and counts what was made', async () => {
    const before = await figures();
    // Overdue: a notice a department has not answered by its due date; a lawsuit whose defence is overdue (ALL 67).
    const late = await sentNotice(addDays(today, -2));
    const filedOn = addDays(today, -40);
    const suit = await post('/liaison/lawsuits/direct', {
      court: '北京市第三中级人民法院',
      courtCaseNumber: `（2026）京03行初${Date.now() % 100000}号`,
      filedOn,
      plaintiffs: ['王某某'],
      act: '房屋征收决定（通政征〔2026〕3号）',
    });
    await post(`/liaison/lawsuits/${suit.id}/complaint-received`, { version: 1, receivedOn: addDays(filedOn, 1) });
    // Due this week: a department's answer due today.
    const soon = await sentNotice(today);
    // Awaiting me: an approved notice (to send) is the officer's; a submitted one is the head's and is not counted.
    const approved = await post('/liaison/risk-notices', {
      title: '关于某项目的风险提示',
      summary: '多户居民反映。',
      reasons: ['涉及多户'],
      suggestions: ['解释'],
      departmentIds: depts,
    });
    await post(`/liaison/risk-notices/${approved.id}/submit`, { version: 1 });
    await post(`/liaison/risk-notices/${approved.id}/approve`, { version: 2 }, head);
    const submitted = await post('/liaison/risk-notices', {
      title: '关于另一项目的风险提示',
      summary: '多户居民反映。',
      reasons: ['涉及多户'],
      suggestions: ['解释'],
      departmentIds: depts,
    });
    await post(`/liaison/risk-notices/${submitted.id}/submit`, { version: 1 });

    const after = await figures();
    expect(after.liaisonOverdue - before.liaisonOverdue).toBe(2);
    expect(after.liaisonDueThisWeek - before.liaisonDueThisWeek).toBe(1);
    expect(after.liaisonAwaitingMe - before.liaisonAwaitingMe).toBe(1);

    const overdue = await desk('due=overdue');
    expect(overdue.filter).toEqual({ due: 'overdue' });
    expect(rows(overdue)).toBe(after.liaisonOverdue);
    expect(overdue.notices.map((n: any) => n.id)).toContain(late);
    expect(overdue.notices.map((n: any) => n.id)).not.toContain(soon);
    expect(overdue.casesInCourt.map((s: any) => s.id)).toContain(suit.id);
    expect([overdue.casesInLawsuitWindow, overdue.openClusters]).toEqual([[], []]);

    const week = await desk('due=thisWeek');
    expect(rows(week)).toBe(after.liaisonDueThisWeek);
    expect(week.weekEnd).toBe(weekEndOf(today));
    expect(week.notices.map((n: any) => n.id)).toEqual(expect.arrayContaining([soon]));
    expect(week.notices.map((n: any) => n.id)).not.toContain(late);

    const mine = await desk('waiting=officer');
    expect(rows(mine)).toBe(after.liaisonAwaitingMe);
    expect(mine.notices.map((n: any) => n.id)).toContain(approved.id);
    expect(mine.notices.map((n: any) => n.id)).not.toContain(submitted.id);
    expect(mine.notices.every((n: any) => n.waitingFor === '府院联络员')).toBe(true);

    // Unfiltered, the desk is as before: no filter echoed, everything listed.
    const all = await desk('');
    expect(all.filter).toBeUndefined();
    expect(all.notices.map((n: any) => n.id)).toEqual(expect.arrayContaining([late, soon, approved.id, submitted.id]));
  });

  it('refuses an unknown filter value (400)', async () => {
    const res = await t.http().get('/liaison/view?due=someday').set(auth(liaison));
    expect(res.status).toBe(400);
  });
});
