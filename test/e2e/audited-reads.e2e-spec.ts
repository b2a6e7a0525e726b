import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 14 item 5: reads of personal data are audited; the auditor filters the log and exports it. */
describe('audited reads, audit filters and export', () => {
  let t: TestApp;
  let tokens: Record<string, string>;
  let caseId: string;
  let clerkId: string;
  const ID = validIdNumber('19800101');
  const rowsOf = (action: string) => t.db.ds.query(`SELECT actor_id, subject_type, subject_id, summary FROM audit_log WHERE action = $1 ORDER BY id`, [action]);

  beforeAll(async () => {
    t = await createTestApp();
    tokens = Object.fromEntries(await Promise.all(['clerk', 'zhongcang', 'auditor', 'admin'].map(async (u) => [u, await t.login(u)])));
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    const body = applicationBody(dept);
    body.applicants[0].idNumber = ID;
    caseId = (await t.http().post('/applications').set('authorization', `Bearer ${tokens.zhongcang}`).send(body)).body.caseId;
    [{ id: clerkId }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
  });
  afterAll(() => t?.close());

  it('opening a case with full personal data writes who, what and from where; a masked view does not', async () => {
    expect((await t.http().get(`/cases/${caseId}`).set('authorization', `Bearer ${tokens.clerk}`)).status).toBe(200);
    expect((await t.http().get(`/cases/${caseId}`).set('authorization', `Bearer ${tokens.zhongcang}`)).status).toBe(200);
    expect(await rowsOf('case.read_personal_data')).toEqual([
      { actor_id: clerkId, subject_type: 'case', subject_id: caseId, summary: { from: expect.stringMatching(/127\.0\.0\.1/) } },
    ]);
  });

  it('a search by ID number is audited without the number', async () => {
    const res = await t.http().post('/work/search/id-number').set('authorization', `Bearer ${tokens.clerk}`).send({ idNumber: ID });
    expect(res.status).toBe(200);
    const rows = await rowsOf('case.search_id_number');
    expect(rows).toEqual([{ actor_id: clerkId, subject_type: 'search', subject_id: clerkId, summary: { from: expect.any(String), count: 1 } }]);
    expect(await t.db.ds.query(`SELECT 1 FROM audit_log WHERE summary::text LIKE $1`, [`%${ID.slice(6, 14)}%`])).toEqual([]);
  });

  it('the auditor filters by actor, action, subject and date, and exports as CSV (the export is audited too)', async () => {
    const auth = { authorization: `Bearer ${tokens.auditor}` };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const byActor = await t.http().get('/audit').query({ actorId: clerkId, action: 'case.read_personal_data', from: today, to: today }).set(auth);
    expect(byActor.status).toBe(200);
    // One list shape (issue 11 item 4): a page of camelCase rows.
    expect(byActor.body.items.map((r: any) => [r.action, r.actorId, r.subjectId])).toEqual([['case.read_personal_data', clerkId, caseId]]);
    expect((await t.http().get('/audit').query({ subjectType: 'case', subjectId: caseId }).set(auth)).body.items.map((r: any) => r.action))
      .toEqual(expect.arrayContaining(['case.register', 'case.read_personal_data']));
    expect((await t.http().get('/audit').query({ from: '2000-01-01', to: '2000-01-02' }).set(auth)).body).toEqual({ items: [], nextCursor: null });
    const bad = await t.http().get('/audit').query({ from: '2026-13-01' }).set(auth);
    expect(bad.status).toBe(400);

    const csv = await t.http().get('/audit/export').query({ subjectId: caseId }).set(auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,chain,seq,occurred_at,actor_id,actor_role,action,subject_type,subject_id,summary,request_id,client_request_id');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(await rowsOf('audit.export')).toEqual([expect.objectContaining({ subject_type: 'audit', summary: expect.objectContaining({ filters: { subjectId: caseId }, rows: lines.length - 1 }) })]);
    expect((await t.http().get('/audit/export').set('authorization', `Bearer ${tokens.admin}`)).status).toBe(403);
  });
});
