import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Assignment, suspension (ARL 39) and resumption with the decision clock paused and moved. */
describe('case handling: assignment, suspension and resumption', () => {
  let t: TestApp;
  let clerk: string;
  let chief: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [clerk, chief] = await Promise.all([t.login('clerk'), t.login('chief')]);
    const township = await t.login('zhongcang');
    const [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    caseId = (await t.http().post('/applications').set('authorization', `Bearer ${township}`).send(applicationBody(respondentId))).body.caseId;
    await t.http().post(`/cases/${caseId}/acceptance-review`).set('authorization', `Bearer ${clerk}`).send({ outcome: 'accept', version: 1, procedure: 'ordinary' });
    // An older case: accepted on 2026-08-04, its 60-day decision period ends 2026-10-08 (day 60 falls in National Day).
    await t.db.ds.query(`UPDATE cases SET accepted_on = '2026-08-04' WHERE id = $1`, [caseId]);
    await t.db.ds.query(`UPDATE case_clocks SET start_date = '2026-08-04', due_date = '2026-10-08' WHERE case_id = $1 AND rule = 'decision'`, [caseId]);
  });
  afterAll(() => t.close());

  const post = (path: string, token: string, body: object) => t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${token}`).send(body);
  const clock = async (rule: string) => (await t.http().get(`/cases/${caseId}/clocks`).set('authorization', `Bearer ${clerk}`)).body.filter((c: any) => c.rule === rule).pop();

  it('the section chief assigns a handler; a clerk may not; a township clerk cannot be the handler', async () => {
    const [{ id: handlerId }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    const [{ id: townshipUser }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'zhongcang'`);
    expect((await post('assign', clerk, { version: 2, handlerId })).status).toBe(403);
    const wrong = await post('assign', chief, { version: 2, handlerId: townshipUser });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0].field).toBe('handlerId');
    const ok = await post('assign', chief, { version: 2, handlerId });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(3);
    expect((await post('assign', chief, { version: 2, handlerId })).status).toBe(409); // stale version
  });

  it('proposes handlers by workload, optionally within one section', async () => {
    const all = await t.http().get(`/cases/${caseId}/assignment-proposal`).set('authorization', `Bearer ${chief}`);
    expect(all.status).toBe(200);
    const names = all.body.map((p: any) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['复议承办人 张伟', '复议承办人 黄蕾']));
    // clerk already handles this case, so the idle clerk2 comes first
    expect(all.body[0]).toMatchObject({ displayName: '复议承办人 黄蕾', openCases: 0 });
    const second = await t.http().get(`/cases/${caseId}/assignment-proposal?section=审理二科`).set('authorization', `Bearer ${chief}`);
    expect(second.body.map((p: any) => p.section)).toEqual(['审理二科']);
  });

  it('mediation as a ground needs both parties to consent (ARL 39(1)(6))', async () => {
    const res = await post('suspend', clerk, { version: 3, ground: 6, from: '2026-08-20', consent: { applicant: true, respondent: false } });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('consent');
  });

  it('suspension pauses the decision clock and starts the 60-day cap; resumption moves the due date by exactly the suspended days', async () => {
    const suspended = await post('suspend', clerk, { version: 3, ground: 1, from: '2026-08-20', reason: '申请人死亡，近亲属尚未确定是否参加' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.state).toBe('suspended');
    expect((await clock('decision')).status).toBe('paused');
    expect(await clock('suspension-cap')).toMatchObject({ status: 'running', start: '2026-08-20', due: '2026-10-19' });

    const resumed = await post('resume', clerk, { version: 4, on: '2026-09-01' });
    expect(resumed.status).toBe(200);
    // domain.md §4: day 60 Sat 10-03 + 12 suspended days (08-20..08-31) = Thu 10-15 (unsuspended due: 10-08)
    expect(resumed.body).toMatchObject({ state: 'accepted', decisionDue: '2026-10-15' });
    expect(await clock('decision')).toMatchObject({ status: 'running', due: '2026-10-15' });
    expect((await clock('suspension-cap')).status).toBe('cancelled');
    expect((await post('resume', clerk, { version: 5 })).body.code).toBe('CASE_ILLEGAL_TRANSITION');
    const audit = await t.db.ds.query(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`, [caseId]);
    expect(audit.map((a: any) => a.action)).toEqual(expect.arrayContaining(['case.assign', 'case.suspend', 'case.resume']));
  });
});
