import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 12 item 7 (ARL 20-21): a late application is flagged with the days over and the exceptions the clerk must
 * consider, in the receipt, the intake queue and the acceptance review; it is stored as a clock and never refused.
 */
describe('late applications (ARL 20-21)', () => {
  let t: TestApp;
  let respondentId: number;
  let zhongcang: string;
  let songzhuang: string;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    [zhongcang, songzhuang, clerk] = await Promise.all([t.login('zhongcang'), t.login('songzhuang'), t.login('clerk')]);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  // Received Tue 2026-11-10 09:30 (the factory's receipt); known 200 days earlier, on Fri 2026-04-24.
  const late = () => applicationBody(respondentId, { act: { type: '行政处罚决定', date: '2026-04-20', knownDate: '2026-04-24' } });

  it('a known date 200 days back: the receipt carries the warning with 140 days over (period ended Tue 06-23) and the ARL 20(2)/(3) exceptions', async () => {
    const res = await t.http().post('/applications').set(as(zhongcang)).send(late());
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('registered'); // flagged, not refused
    const flag = res.body.receipt.lateApplication;
    expect(flag).toMatchObject({ knownDate: '2026-04-24', due: '2026-06-23', receivedOn: '2026-11-10', late: true, daysOver: 140 });
    expect(flag.warning).toContain('超过法定申请期限140日');
    expect(flag.exceptions.map((e: any) => [e.code, e.article])).toEqual([
      ['OBSTACLE', '《行政复议法》第二十条第二款'], ['NO_NOTICE_OF_RIGHTS', '《行政复议法》第二十条第三款'],
    ]);
    expect(flag.exceptions[1]).toMatchObject({ lastDay: '2027-04-26', withinCap: true });
    expect(flag.notice).toContain('是否受理由行政复议机构审查决定');

    // The application period is a stored clock, ended by the receipt: missed.
    const clocks = (await t.http().get(`/cases/${res.body.caseId}/clocks`).set(as(clerk))).body;
    expect(clocks.find((c: any) => c.rule === 'application')).toMatchObject({
      start: '2026-04-24', due: '2026-06-23', status: 'missed', closedOn: '2026-11-10', provisional: false,
    });
    const [event] = await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'registered'`, [res.body.caseId]);
    expect(event.data.lateApplication).toEqual({ daysOver: 140, applicationDue: '2026-06-23', absoluteLimitExceeded: false });
  });

  it('shows it in the intake queue and the acceptance review, and the office may still accept it', async () => {
    const id = (await t.http().post('/applications').set(as(zhongcang)).send(late())).body.caseId;
    const onTime = (await t.http().post('/applications').set(as(zhongcang)).send(applicationBody(respondentId))).body.caseId;

    const queue = (await t.http().get('/intake-queue').set(as(clerk))).body.items;
    expect(queue.find((i: any) => i.caseId === id).lateApplication).toMatchObject({ daysOver: 140, due: '2026-06-23', exceptions: expect.any(Array) });
    expect(queue.find((i: any) => i.caseId === onTime).lateApplication).toBeNull();

    const review = await t.http().get(`/cases/${id}/acceptance-review`).set(as(clerk));
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ caseId: id, state: 'registered', receivedOn: '2026-11-10', acceptanceDue: '2026-11-17' });
    expect(review.body.lateApplication).toMatchObject({ late: true, daysOver: 140 });
    expect(review.body.lateApplication.exceptions).toHaveLength(2);
    const fine = (await t.http().get(`/cases/${onTime}/acceptance-review`).set(as(clerk))).body;
    expect(fine.applicationPeriod).toMatchObject({ knownDate: '2026-11-03', due: '2027-01-04', late: false, daysOver: 0 });
    expect(fine.lateApplication).toBeNull();
    const onTimeClock = (await t.http().get(`/cases/${onTime}/clocks`).set(as(clerk))).body.find((c: any) => c.rule === 'application');
    expect(onTimeClock).toMatchObject({ status: 'met', closedOn: '2026-11-10' });

    // Another township's clerk cannot see the review; the district accepts the late application after weighing it.
    expect((await t.http().get(`/cases/${id}/acceptance-review`).set(as(songzhuang))).status).toBe(404);
    const accepted = await t.http().post(`/cases/${id}/acceptance-review`).set(as(clerk)).send({ outcome: 'accept', version: 1, procedure: 'ordinary', note: '申请人提供了住院证明，属第二十条第二款情形' });
    expect(accepted.status).toBe(200);
  });

  it('flags an act older than five years (ARL 21) even when the known date is recent', async () => {
    const old = applicationBody(respondentId, { act: { type: '行政处罚决定', date: '2021-03-01', knownDate: '2026-11-01' } });
    const flag = (await t.http().post('/applications').set(as(zhongcang)).send(old)).body.receipt.lateApplication;
    expect(flag).toMatchObject({ late: false, daysOver: 0, absoluteLimit: { years: 5, lastDay: '2026-03-02', exceeded: true } });
    expect(flag.notice).toContain('第二十一条');
  });

  it('refuses a known date after the receipt (400, field act.knownDate)', async () => {
    const res = await t.http().post('/applications').set(as(zhongcang)).send(applicationBody(respondentId, { act: { type: '行政处罚决定', knownDate: '2026-11-11' } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'CASE_INVALID_INPUT' });
    expect(res.body.message).toBe('知道行政行为的日期不能晚于收件日期');
  });
});
