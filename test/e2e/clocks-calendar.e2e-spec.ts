import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);

/** Statutory clocks as rows, the calendar in Postgres, and recomputation when the calendar changes. */
describe('statutory clocks and the working-day calendar', () => {
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
  const register = async (receivedAt?: string) =>
    (await t.http().post('/applications').set(auth(township)).send(applicationBody(respondentId, { receivedAt, act: { type: '行政处罚决定', knownDate: '2026-09-20' } }))).body;

  it('starts the acceptance-review clock on the calendar across National Day (domain.md §4 example)', async () => {
    const reg = await register('2026-09-29T10:00:00+08:00');
    expect(reg.acceptanceDue).toBe('2026-10-12');
    const clocks = await t.http().get(`/cases/${reg.caseId}/clocks`).set(auth(clerk));
    expect(clocks.status).toBe(200);
    const review = clocks.body.find((c: any) => c.rule === 'acceptance-review');
    expect(review).toMatchObject({ start: '2026-09-29', due: '2026-10-12', status: 'running', provisional: false, calendarVersion: 1 });
    expect(review.explanation.join('\n')).toContain('国庆');
    const other = await t.login('songzhuang');
    expect((await t.http().get(`/cases/${reg.caseId}/clocks`).set(auth(other))).status).toBe(404);
  });

  it('acceptance meets the review clock and starts the decision and copy clocks', async () => {
    const reg = await register(); // received now, so accepting now is on time
    const res = await t.http().post(`/cases/${reg.caseId}/acceptance-review`).set(auth(clerk)).send({ outcome: 'accept', version: 1, procedure: 'ordinary' });
    expect(res.status).toBe(200);
    const clocks = (await t.http().get(`/cases/${reg.caseId}/clocks`).set(auth(clerk))).body;
    const byRule = Object.fromEntries(clocks.map((c: any) => [c.rule, c]));
    expect(byRule['acceptance-review'].status).toBe('met');
    expect(byRule['correction-notice'].status).toBe('cancelled');
    expect(byRule['decision'].status).toBe('running');
    expect(byRule['copy-to-respondent'].status).toBe('running');
  });

  it('computes a deadline on request, provisional for an unpublished year', async () => {
    const ok = await t.http().post('/deadlines/compute').set(auth(clerk)).send({ rule: 'decision', from: '2026-08-04' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ due: '2026-10-08', provisional: false });
    const provisional = await t.http().post('/deadlines/compute').set(auth(clerk)).send({ rule: 'acceptance-review', from: '2027-01-28' });
    expect(provisional.body.provisional).toBe(true);
    const bad = await t.http().post('/deadlines/compute').set(auth(clerk)).send({ rule: 'nope', from: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.field).sort()).toEqual(['from', 'rule']);
  });

  it('a calendar change moves the affected open deadline, records old and new, tells the handler, leaves closed cases alone', async () => {
    // Received today: the review runs into the coming days, which the typhoon closure then hits (its last day).
    const open = await register();
    const closed = await register();
    const oldDue: string = open.acceptanceDue;
    const refused = await t.http().post(`/cases/${closed.caseId}/acceptance-review`).set(auth(clerk)).send({ outcome: 'refuse', version: 1, reason: '不属于行政复议范围' });
    expect(refused.status).toBe(200);

    const typhoon = await t.http().put(`/calendar/days/${oldDue}`).set(auth(admin)).send({ date: oldDue, kind: 'closure', name: '台风停止办公', reason: '区政府通知全区机关停止办公' });
    expect(typhoon.status).toBe(200);
    expect(typhoon.body.version).toBe(2);
    expect(typhoon.body.clocksRecomputed).toBeGreaterThanOrEqual(1);

    const after = (await t.http().get(`/cases/${open.caseId}/clocks`).set(auth(clerk))).body.find((c: any) => c.rule === 'acceptance-review');
    const expected = await t.http().post('/deadlines/compute').set(auth(clerk)).send({ rule: 'acceptance-review', from: after.start });
    expect(after.due > oldDue).toBe(true);
    expect(after).toMatchObject({ due: expected.body.due, calendarVersion: 2 });
    expect(after.explanation.join('\n')).toContain('台风停止办公');
    const [event] = await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'clock_recomputed' AND data->>'rule' = 'acceptance-review'`, [open.caseId]);
    expect(event.data).toMatchObject({ rule: 'acceptance-review', oldDue, newDue: after.due, calendarVersion: 2 });
    const notes = await t.db.ds.query(`SELECT title, body FROM notifications WHERE case_id = $1`, [open.caseId]);
    expect(notes).toHaveLength(1); // one notice for the handler, however many of the case's clocks moved
    expect(notes[0].body).toMatch(/^2个期限已重新计算：/); // acceptance-review and correction-notice both moved
    expect(notes[0].body).toContain(`${oldDue} → ${after.due}`);

    const closedClock = (await t.http().get(`/cases/${closed.caseId}/clocks`).set(auth(clerk))).body.find((c: any) => c.rule === 'acceptance-review');
    expect(closedClock).toMatchObject({ status: 'met', due: oldDue, calendarVersion: 1 });
    expect(await t.db.ds.query(`SELECT 1 FROM case_events WHERE case_id = $1 AND type = 'clock_recomputed'`, [closed.caseId])).toHaveLength(0);

    const removed = await t.http().delete(`/calendar/days/${oldDue}`).set(auth(admin)).send({ reason: '通知撤回' });
    expect(removed.body.version).toBe(3);
    const back = (await t.http().get(`/cases/${open.caseId}/clocks`).set(auth(clerk))).body.find((c: any) => c.rule === 'acceptance-review');
    expect(back.due).toBe(oldDue);
    const versions = await t.http().get('/calendar-versions').set(auth(admin));
    expect(versions.body.items.map((v: any) => v.reason)).toContain('区政府通知全区机关停止办公');
    expect(versions.body.items[0]).toEqual(expect.objectContaining({ changedBy: expect.any(String), clocksRecomputed: expect.any(Number), createdAt: expect.any(String) }));
    // Newest first, a page at a time: the cursor is the last version seen.
    const first = (await t.http().get('/calendar-versions').query({ limit: 1 }).set(auth(admin))).body;
    const second = (await t.http().get('/calendar-versions').query({ limit: 1, cursor: first.nextCursor }).set(auth(admin))).body;
    expect(second.items[0].version).toBe(first.items[0].version - 1);
    expect((await t.http().get('/calendar-versions').query({ limit: 0 }).set(auth(admin))).status).toBe(400);
  });

  // Issue 19 item 6: the CLI is built from the same Nest modules, so its calendar change moves clocks as the api's does.
  it('the operator\'s CLI changes the calendar like the api: the clock moves, the timeline records it, the handler is told', async () => {
    const open = await register();
    const oldDue: string = open.acceptanceDue;
    const env = { ...process.env, DATABASE_URL: t.db.appUrl, NODE_ENV: 'test' };
    const [{ now: cliStarted }] = await t.db.ds.query('SELECT now()');
    const { stdout } = await run('node', ['-r', '@swc-node/register', 'scripts/cli.ts', 'calendar', 'set-day', oldDue, 'closure', '暴雨停止办公', '--reason', '区防汛指挥部通知'], { env, cwd: process.cwd() });
    expect(JSON.parse(stdout)).toMatchObject({ changedDays: 1, clocksRecomputed: expect.any(Number) });
    const after = (await t.http().get(`/cases/${open.caseId}/clocks`).set(auth(clerk))).body.find((c: any) => c.rule === 'acceptance-review');
    expect(after.due > oldDue).toBe(true);
    expect(after.explanation.join('\n')).toContain('暴雨停止办公');
    const [event] = await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'clock_recomputed' AND data->>'rule' = 'acceptance-review'`, [open.caseId]);
    expect(event.data).toMatchObject({ oldDue, newDue: after.due });
    // The registering clerk answers while no handler is assigned: one notice for all of that clerk's moved clocks.
    const [{ registered_by: clerkId }] = await t.db.ds.query('SELECT registered_by FROM cases WHERE id = $1', [open.caseId]);
    const notes = await t.db.ds.query(
      `SELECT n.body, count(d.id)::int AS deliveries FROM notifications n LEFT JOIN deliveries d ON d.notification_id = n.id
        WHERE n.kind = 'clock_recomputed' AND n.user_id = $1 AND n.title = '工作日历调整，期限已重新计算' AND n.created_at >= $2 GROUP BY n.id`,
      [clerkId, cliStarted],
    );
    expect(notes).toHaveLength(1);
    // Up to five moves are listed; beyond that the notice says how many and points to the cases' records.
    expect(notes[0].body.includes(`${oldDue} → ${after.due}`) || notes[0].body.includes('等，详见各案件的办理记录')).toBe(true);
    expect(notes.every((n: any) => n.deliveries > 0)).toBe(true); // sent out on the channels too
    const removed = await t.http().delete(`/calendar/days/${oldDue}`).set(auth(admin)).send({ reason: '通知撤回' });
    expect(removed.status).toBe(200);
  }, 60_000);

  it('only administrators edit the calendar; bad input is a clear 400/422', async () => {
    expect((await t.http().put('/calendar/days/2026-12-04').set(auth(clerk)).send({ date: '2026-12-04', kind: 'closure', name: 'x', reason: 'y' })).status).toBe(403);
    const mismatch = await t.http().put('/calendar/days/2026-12-04').set(auth(admin)).send({ date: '2026-12-05', kind: 'closure', name: 'x', reason: 'y' });
    expect(mismatch.status).toBe(400);
    const badKind = await t.http().put('/calendar/days/2026-12-04').set(auth(admin)).send({ date: '2026-12-04', kind: 'party', name: 'x', reason: 'y' });
    expect(badKind.body.fields[0].field).toBe('kind');
    const noChange = await t.http().delete('/calendar/days/2026-12-24').set(auth(admin)).send({ reason: '无' });
    expect(noChange.status).toBe(422);
    expect(noChange.body.code).toBe('CALENDAR_NO_CHANGE');
    const unpublished = await t.http().post('/calendar/years/2031/load').set(auth(admin)).send({ reason: '试载' });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.code).toBe('CALENDAR_YEAR_NOT_PUBLISHED');
  });

  it('loading a year of manual arrangement makes its dates non-provisional', async () => {
    const before = await t.http().post('/deadlines/compute').set(auth(clerk)).send({ rule: 'acceptance-review', from: '2027-02-05' });
    expect(before.body.provisional).toBe(true);
    const load = await t.http().post('/calendar/years/2027/load').set(auth(admin)).send({
      reason: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      days: [{ date: '2027-02-08', kind: 'holiday', name: '春节' }, { date: '2027-02-09', kind: 'holiday', name: '春节' }],
    });
    expect(load.status).toBe(201);
    const after = await t.http().post('/deadlines/compute').set(auth(clerk)).send({ rule: 'acceptance-review', from: '2027-02-05' });
    // Fri 02-05 → Mon 02-08 and Tue 02-09 off → 02-10, 02-11, 02-12, 02-15, 02-16
    expect(after.body).toMatchObject({ due: '2027-02-16', provisional: false });
  });
});
