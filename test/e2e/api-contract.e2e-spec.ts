import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 11: one list shape ({items, nextCursor}, integer limit with a maximum) where a list can grow, one naming.
 * Every response here is also checked against the OpenAPI document by t.http() (test/support/contract.ts).
 */
describe('the API contract: lists and names', () => {
  let t: TestApp;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('zhongcang');
  });
  afterAll(() => t?.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string) => t.http().post(path).set('authorization', `Bearer ${token}`),
  });

  it('/consultations pages with a cursor, newest first, so older consultations stay reachable', async () => {
    const [{ id: department }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const ids: string[] = [];
    for (const [i, at] of [
      '2026-11-02T09:00:00+08:00',
      '2026-11-03T09:00:00+08:00',
      '2026-11-03T09:00:00+08:00',
      '2026-11-04T09:00:00+08:00',
    ].entries()) {
      const res = await as(clerk)
        .post('/consultations')
        .send({
          visitorName: `来访人${i}`,
          topic: '咨询复议期限',
          category: 'penalty',
          respondentDepartmentId: department,
          advice: '告知复议期限',
          consultedAt: at,
        });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const all = (await as(clerk).get('/consultations?limit=200')).body;
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as(clerk).get(`/consultations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      seen.push(res.body.items[0].id);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((c: any) => c.id));
    expect(new Set(seen)).toEqual(new Set(ids)); // two at the same instant are both reached (the id breaks the tie)
    for (const bad of ['limit=0', 'limit=201', 'limit=abc', 'cursor=xyz']) {
      const res = await as(clerk).get(`/consultations?${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('the liaison lists page the same way: /liaison/risk-notices newest first, every notice reached once', async () => {
    const liaison = await t.login('liaison');
    const [{ id: department }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const created: string[] = [];
    for (const title of ['风险提示一', '风险提示二', '风险提示三']) {
      const res = await as(liaison)
        .post('/liaison/risk-notices')
        .send({ title, summary: '情况', reasons: ['原因'], suggestions: ['建议'], departmentIds: [department] });
      expect(res.status).toBe(201);
      created.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as(liaison).get(`/liaison/risk-notices?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((n: any) => n.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    const letters = await as(liaison).get('/liaison/letters?limit=5');
    expect(letters.body).toEqual({ items: expect.any(Array), nextCursor: null });
    expect((await as(liaison).get('/liaison/letters?cursor=bad')).status).toBe(400);
  });

  it('documents limit as an integer with its maximum', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    const limit = doc.paths['/api/consultations'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
  });
});
