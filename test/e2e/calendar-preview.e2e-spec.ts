import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 16 item 3: before confirming a calendar change the administrator sees which open clocks it would move. The
 * preview runs the same engine on the calendar as it would be, writes nothing, and agrees with the change itself.
 */
describe('calendar change preview', () => {
  let t: TestApp;
  let respondentId: number;
  let clerk: string;
  let admin: string;
  let township: string;

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    [clerk, admin, township] = await Promise.all([t.login('clerk'), t.login('admin'), t.login('zhongcang')]);
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const register = async () =>
    (await t.http().post('/applications').set(auth(township)).send(applicationBody(respondentId, { act: { type: '行政处罚决定', knownDate: '2026-09-20' } }))).body;
  const counts = async () =>
    (await t.db.ds.query(`SELECT (SELECT count(*) FROM calendar_versions)::int AS v, (SELECT count(*) FROM case_events WHERE type = 'clock_recomputed')::int AS e`))[0];

  it('lists the clocks a typhoon closure would move, old → new due, writes nothing, and the change then moves exactly those', async () => {
    const reg = await register();
    const oldDue: string = reg.acceptanceDue;
    const before = await counts();
    const body = { date: oldDue, kind: 'closure', name: '台风停止办公', reason: '区政府通知全区机关停止办公' };

    const preview = await t.http().post(`/calendar/days/${oldDue}/preview`).set(auth(admin)).send(body);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ calendarVersion: 1, changedDays: 1, changes: [{ date: oldDue, before: null, after: { kind: 'closure', name: '台风停止办公' } }], truncated: false });
    const mine = preview.body.clocks.filter((c: any) => c.caseId === reg.caseId);
    const review = mine.find((c: any) => c.rule === 'acceptance-review');
    expect(review).toMatchObject({ caseNumber: reg.caseNumber, ruleLabel: expect.any(String), oldDue });
    expect(review.newDue > oldDue).toBe(true);
    expect(preview.body.clocksAffected).toBe(preview.body.clocks.length);
    expect(await counts()).toEqual(before); // nothing written
    expect((await t.http().get(`/calendar/${oldDue.slice(0, 4)}`).set(auth(admin))).body.days.map((d: any) => d.date)).not.toContain(oldDue);

    const change = await t.http().put(`/calendar/days/${oldDue}`).set(auth(admin)).send(body);
    expect(change.status).toBe(200);
    expect(change.body.clocksRecomputed).toBe(preview.body.clocksAffected);
    const clocks = (await t.http().get(`/cases/${reg.caseId}/clocks`).set(auth(clerk))).body;
    for (const p of mine) expect(clocks.find((c: any) => c.id === p.clockId)?.due).toBe(p.newDue);

    // Removing the closure again: its preview moves the same clock back.
    const removal = await t.http().post(`/calendar/days/${oldDue}/removal-preview`).set(auth(admin)).send({ reason: '通知撤回' });
    expect(removal.status).toBe(200);
    expect(removal.body.clocks.find((c: any) => c.clockId === review.clockId)).toMatchObject({ oldDue: review.newDue, newDue: oldDue });
  });

  it("a year's arrangement previews its changed days; refusals are the change's own", async () => {
    const load = await t.http().post('/calendar/years/2027/load-preview').set(auth(admin)).send({ reason: '试算', days: [{ date: '2027-02-08', kind: 'holiday', name: '春节' }] });
    expect(load.status).toBe(200);
    expect(load.body.changes).toContainEqual({ date: '2027-02-08', before: null, after: { kind: 'holiday', name: '春节' } });
    expect((await t.http().get('/calendar/2027').set(auth(admin))).body.loaded).toBe(false);

    const unpublished = await t.http().post('/calendar/years/2031/load-preview').set(auth(admin)).send({ reason: '试载' });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.code).toBe('CALENDAR_YEAR_NOT_PUBLISHED');
    const noChange = await t.http().post('/calendar/days/2026-12-24/removal-preview').set(auth(admin)).send({ reason: '无' });
    expect(noChange.status).toBe(422);
    expect(noChange.body.code).toBe('CALENDAR_NO_CHANGE');
    const mismatch = await t.http().post('/calendar/days/2026-12-04/preview').set(auth(admin)).send({ date: '2026-12-05', kind: 'closure', name: 'x', reason: 'y' });
    expect(mismatch.status).toBe(400);
    expect((await t.http().post('/calendar/days/2026-12-04/preview').set(auth(clerk)).send({ date: '2026-12-04', kind: 'closure', name: 'x', reason: 'y' })).status).toBe(403);
  });
});
