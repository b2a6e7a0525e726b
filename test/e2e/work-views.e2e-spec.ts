import { addDays, fromEpochDay, shanghaiDate, toEpochDay } from '@fuyi/kernel';
import { packagedCalendar } from '@fuyi/deadlines';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Work views (issue 4, item 9) over HTTP with real Postgres and Redis: the handler's queue, the office view and its
 * filters, search by case number, partial name and ID number, the paged timeline; district roles only.
 * Written to pass with or without the WorkViewIndexes migration: indexes change speed, never answers. Other cases
 * (the demo seed) may exist, so assertions look at the cases made here.
 */
describe('work views: queue, office view, search, timeline', () => {
  let t: TestApp;
  let clerk: string;
  let chief: string;
  let township: string;
  let respondentId: number;
  let otherRespondentId: number;
  let clerkId: string;
  const today = shanghaiDate(new Date());
  const ids: Record<string, string> = {};
  const idNumbers = { nearest: validIdNumber('19700101'), agent: validIdNumber('19800202') };

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (path: string, token = clerk) => t.http().get(path).set(auth(token));
  const post = (path: string, body: object, token = clerk) => t.http().post(path).set(auth(token)).send(body);

  /** Every page of a list, following nextCursor (small pages, so that paging itself is exercised). */
  async function all(path: string, token = clerk, pageSize = 25): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }
  const mine = (items: any[]) => items.filter((i) => Object.values(ids).includes(i.caseId)).map((i) => nameOf(i.caseId));
  const nameOf = (caseId: string) => Object.entries(ids).find(([, id]) => id === caseId)![0];

  async function register(key: string, overrides: Record<string, unknown>, accept: { by?: string; procedure?: string } | null): Promise<void> {
    const res = await post('/applications', applicationBody(respondentId, overrides), township);
    if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
    ids[key] = res.body.caseId;
    if (accept) {
      const procedure = accept.procedure ?? 'ordinary';
      const body = { outcome: 'accept', version: 1, procedure, ...(procedure === 'simplified' ? { simplifiedReason: '罚款金额在三千元以下（第五十三条）' } : {}) };
      const review = await post(`/cases/${ids[key]}/acceptance-review`, body, accept.by ?? clerk);
      expect(review.status).toBe(200);
    }
  }
  /** Moves a case's open clocks: the decision clock to `base + 30`, every other one to `base`. */
  const setDue = (key: string, base: string) =>
    t.db.ds.query(`UPDATE case_clocks SET due_date = $2::date + CASE WHEN rule LIKE 'decision%' THEN 30 ELSE 0 END
                    WHERE case_id = $1 AND status IN ('running', 'paused')`, [ids[key], base]);

  beforeAll(async () => {
    t = await createTestApp();
    [clerk, chief, township] = await Promise.all([t.login('clerk'), t.login('chief'), t.login('zhongcang')]);
    [{ id: respondentId }, { id: otherRespondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 2`);
    [{ id: clerkId }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    const person = (name: string, idNumber = validIdNumber()) => ({ kind: 'person', name, idNumber, phone: '13812345678', address: '北京市通州区玉桥街道' });
    await register('far', { applicants: [person('测甲远')], receivedAt: '2026-11-10T09:00:00+08:00' }, {});
    await register('near', { applicants: [person('欧阳测明', idNumbers.nearest)], receivedAt: '2026-11-11T09:00:00+08:00', category: 'licensing' }, {});
    await register('overdue', { applicants: [person('王测明')], receivedAt: '2026-11-12T09:00:00+08:00', agent: person('代理乙', idNumbers.agent) }, { procedure: 'simplified' });
    await register('chiefs', { applicants: [person('李测明')], receivedAt: '2026-11-13T09:00:00+08:00', respondentDepartmentId: otherRespondentId }, { by: chief });
    await register('refused', { applicants: [person('赵测明')], receivedAt: '2026-11-16T09:00:00+08:00' }, null);
    expect((await post(`/cases/${ids.refused}/acceptance-review`, { outcome: 'refuse', version: 1, reason: '不属于行政复议范围', decidedOn: '2026-11-17' })).status).toBe(200); // within the review period (ARL 30)
    await register('registered', { applicants: [person('周测明')], receivedAt: '2026-11-17T09:00:00+08:00' }, null);
    await setDue('far', addDays(today, 20));
    await setDue('near', addDays(today, 3));
    await setDue('overdue', addDays(today, -2));
    await setDue('chiefs', addDays(today, 1));
    await setDue('registered', addDays(today, 10));
    await t.db.ds.query(`UPDATE case_clocks SET extension_days = 30 WHERE case_id = $1 AND rule = 'decision'`, [ids.far]);
  });
  afterAll(() => t.close());

  it("the handler's queue: own open cases only, nearest due first, every open clock with its remaining working days", async () => {
    const queue = await all('/work/my-queue', clerk, 2);
    expect(mine(queue)).toEqual(['overdue', 'near', 'far']); // not the chief's case, not the refused one, not the unassigned one
    const overdue = queue.find((i) => i.caseId === ids.overdue);
    expect(overdue).toMatchObject({ state: 'accepted', procedure: 'simplified', handlerId: clerkId, nextDue: addDays(today, -2), flags: { overdue: true, paused: false, extended: false } });
    const calendar = packagedCalendar();
    const workingDays = (due: string) => {
      let n = 0;
      const [a, b] = [toEpochDay(today), toEpochDay(due)];
      for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (calendar.isWorkingDay(fromEpochDay(d))) n++;
      return b >= a || n === 0 ? n : -n; // never -0: a clock due on a rest day before today has 0 working days left
    };
    for (const item of queue.filter((i) => Object.values(ids).includes(i.caseId))) {
      expect(item.clocks.length).toBeGreaterThanOrEqual(2);
      expect(item.clocks.map((k: any) => k.due)).toEqual([...item.clocks.map((k: any) => k.due)].sort());
      for (const k of item.clocks) {
        expect(k.remainingWorkingDays).toBe(workingDays(k.due));
        expect(k.overdue).toBe(k.status === 'running' && k.due < today);
      }
    }
    expect(overdue.clocks[0].remainingWorkingDays).toBeLessThanOrEqual(0);
    expect(queue.find((i) => i.caseId === ids.far).flags.extended).toBe(true);
  });

  it("the case page's clocks carry the same remaining working days as the queue (negative when overdue, null once ended)", async () => {
    const queue = await all('/work/my-queue', clerk);
    for (const key of ['overdue', 'near', 'far'] as const) {
      const item = queue.find((i) => i.caseId === ids[key]);
      const res = await get(`/cases/${ids[key]}/clocks`);
      expect(res.status).toBe(200);
      for (const k of res.body) {
        const listed = item.clocks.find((w: any) => w.rule === k.rule);
        if (k.status === 'running' || k.status === 'paused') expect([key, k.rule, k.remainingWorkingDays]).toEqual([key, k.rule, listed.remainingWorkingDays]);
        else expect([key, k.rule, k.remainingWorkingDays]).toEqual([key, k.rule, null]);
      }
    }
    const past = (await get(`/cases/${ids.overdue}/clocks`)).body.find((k: any) => k.due === addDays(today, -2));
    expect(past.remainingWorkingDays).toBeLessThanOrEqual(0); // 0 when both days before today were rest days
  });

  it('the office view: every open case by nearest due, cases without a running clock last; each filter narrows it', async () => {
    const office = await all('/work/office', clerk, 2);
    expect(mine(office)).toEqual(['overdue', 'chiefs', 'near', 'registered', 'far']);
    expect(mine(await all(`/work/office?handlerId=${clerkId}`))).toEqual(['overdue', 'near', 'far']);
    expect(mine(await all('/work/office?townshipId=1&category=licensing'))).toEqual(['near']);
    expect(mine(await all(`/work/office?respondentDepartmentId=${otherRespondentId}`))).toEqual(['chiefs']);
    expect(mine(await all('/work/office?procedure=simplified'))).toEqual(['overdue']);
    expect(mine(await all('/work/office?state=registered'))).toEqual(['registered']);
    expect(mine(await all('/work/office?flag=overdue'))).toEqual(['overdue']);
    expect(mine(await all('/work/office?flag=extended'))).toEqual(['far']);
    expect(mine(await all('/work/office?flag=paused'))).toEqual([]);
    expect(mine(await all('/work/office?townshipId=12'))).toEqual([]);
    // The approvals list: cases with a request awaiting the head (ARL 62 extension, ARL 41 termination).
    await t.db.ds.query(
      `INSERT INTO case_approval_requests (case_id, kind, payload, submitted_by) VALUES ($1, 'termination', '{"ground": 1, "reason": "申请人撤回"}', $2)`,
      [ids.near, clerkId],
    );
    expect(mine(await all('/work/office?pendingRequest=termination'))).toEqual(['near']);
    expect(mine(await all('/work/office?pendingRequest=extension'))).toEqual([]);
    expect((await get('/work/office?pendingRequest=conversion')).status).toBe(400);

    // Suspension (ARL 39) pauses the decision clock; a case with no open clock at all still shows, after the others.
    const [{ version }] = await t.db.ds.query('SELECT version FROM cases WHERE id = $1', [ids.near]);
    expect((await post(`/cases/${ids.near}/suspend`, { version, ground: 1, reason: '申请人死亡，近亲属尚未确定是否参加' })).status).toBe(200);
    expect(mine(await all('/work/office?flag=paused'))).toEqual(['near']);
    await t.db.ds.query(`UPDATE case_clocks SET status = 'met', closed_on = $2 WHERE case_id = $1 AND status IN ('running', 'paused')`, [ids.registered, today]);
    const after = await all('/work/office');
    expect(mine(after).pop()).toBe('registered');
    expect(after.find((i) => i.caseId === ids.registered)).toMatchObject({ nextDue: null, clocks: [] });
  });

  it('search: exact case number, partial Chinese name (1, 2 and 4 characters, wildcards literal), newest first', async () => {
    const [{ case_number: caseNumber }] = await t.db.ds.query('SELECT case_number FROM cases WHERE id = $1', [ids.far]);
    const byNumber = await get(`/work/search?caseNumber=${encodeURIComponent(caseNumber)}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.items.map((i: any) => i.caseId)).toEqual([ids.far]);

    // The name goes in a POST body (personal data never in a URL), paged by the cursor in the body too.
    const search = async (name: string) => {
      const items: any[] = [];
      let cursor: string | null = null;
      do {
        const res = await post('/work/search/name', { name, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items;
    };
    // Applicants only (the agent 代理乙 is not an applicant), closed cases too, newest receipt first.
    expect(mine(await search('测明'))).toEqual(['registered', 'refused', 'chiefs', 'overdue', 'near']);
    expect(mine(await search('欧阳测明'))).toEqual(['near']);
    expect(mine(await search('阳测明'))).toEqual(['near']);
    expect(mine(await search('甲'))).toEqual(['far']);
    expect(mine(await search('代理'))).toEqual([]);
    expect(mine(await search('王%明'))).toEqual([]);
    expect(mine(await search('测_'))).toEqual([]);
    const hit = (await search('王测明')).find((i) => i.caseId === ids.overdue);
    expect(hit.matches).toEqual([{ role: 'applicant', name: '王测明' }]);
  });

  it('a name in the URL is refused (400, the field named) without echoing it; the console sends it in the body', async () => {
    const name = '欧阳测明';
    const inUrl = await get(`/work/search?name=${encodeURIComponent(name)}`);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', message: expect.stringContaining('POST /work/search/name') })]));
    expect(JSON.stringify(inUrl.body)).not.toContain(name);
    const inBody = await post('/work/search/name', { name });
    expect(inBody.status).toBe(200);
    expect(inBody.body.items.map((i: any) => i.caseId)).toEqual([ids.near]);
    expect((await post('/work/search/name', { name: ' ' })).body.fields[0].field).toBe('name');
  });

  it('ID-number search goes in the body, finds every role, and never returns the number', async () => {
    const res = await post('/work/search/id-number', { idNumber: idNumbers.nearest });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.caseId)).toEqual([ids.near]);
    expect(JSON.stringify(res.body)).not.toContain(idNumbers.nearest);
    const agent = await post('/work/search/id-number', { idNumber: idNumbers.agent.toLowerCase() });
    expect(agent.body.items.map((i: any) => i.caseId)).toEqual([ids.overdue]);
    expect(agent.body.items[0].matches).toEqual([{ role: 'agent', name: '代理乙' }]);

    const inUrl = await get(`/work/search?idNumber=${idNumbers.nearest}`);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.fields.map((f: any) => f.field)).toContain('idNumber');
    expect(JSON.stringify(inUrl.body)).not.toContain(idNumbers.nearest);
    const bad = await post('/work/search/id-number', { idNumber: '11011219850312' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('idNumber');
  });

  it('the timeline: every event in order, paged', async () => {
    const first = await get(`/cases/${ids.near}/timeline?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const events = await all(`/cases/${ids.near}/timeline`);
    const stored = await t.db.ds.query('SELECT e.id::text AS id, e.type FROM case_events e WHERE e.case_id = $1 ORDER BY e.id', [ids.near]);
    expect(stored.length).toBeGreaterThanOrEqual(3); // registered, accepted, suspended
    expect(events.map((e) => [e.id, e.type])).toEqual(stored.map((e: any) => [e.id, e.type]));
    expect(events[0]).toMatchObject({ at: expect.any(String), data: expect.any(Object) });
    expect((await get('/cases/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
  });

  it('validation errors name the field', async () => {
    const field = async (path: string) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      return res.body.fields.map((f: any) => f.field);
    };
    expect(await field('/work/office?limit=0')).toContain('limit');
    expect(await field('/work/office?limit=201')).toContain('limit');
    expect(await field('/work/office?flag=late')).toContain('flag');
    expect(await field('/work/office?state=archived')).toContain('state');
    expect(await field('/work/office?townshipId=abc')).toContain('townshipId');
    expect(await field('/work/office?handlerId=nobody')).toContain('handlerId');
    expect(await field('/work/office?colour=red')).toContain('colour');
    expect(await field('/work/office?cursor=garbage')).toContain('cursor');
    expect(await field('/work/search')).toContain('caseNumber');
    expect(await field('/work/search?name=%E5%B0%8F&caseNumber=x')).toContain('name');
    expect(await field('/cases/not-a-uuid/timeline')).toContain('id');
  });

  it('district roles only: township clerks (and other roles) get 403', async () => {
    const liaison = await t.login('liaison');
    for (const token of [township, liaison]) {
      expect((await get('/work/my-queue', token)).status).toBe(403);
      expect((await get('/work/office', token)).status).toBe(403);
      expect((await post('/work/search/name', { name: '测' }, token)).status).toBe(403);
      expect((await post('/work/search/id-number', { idNumber: idNumbers.nearest }, token)).status).toBe(403);
      expect((await get(`/cases/${ids.near}/timeline`, token)).status).toBe(403);
    }
    expect((await get('/work/my-queue', chief)).status).toBe(200);
    expect((await t.http().get('/work/office')).status).toBe(401);
  });
});
