import { CalendarService, ReminderScanner } from '@fuyi/clocks';
import { DeadlineEffectsService } from '@fuyi/cases';
import { OutboxService, UnitOfWork, type TimeSource } from '@fuyi/platform';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { Notifier } from '@fuyi/notifications';

/** Milestones, firing and legal effects in process, at chosen instants (the worker-process tests cover crashes). */
describe('reminders and legal effects', () => {
  let t: TestApp;
  let respondentId: number;
  let township: string;
  let now = new Date();
  const time = { now: () => now } as TimeSource;
  let scanner: ReminderScanner;

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    township = await t.login('zhongcang');
    scanner = new ReminderScanner(t.app.get(UnitOfWork), t.app.get(CalendarService), t.app.get(OutboxService), time, t.app.get(Notifier));
  });
  afterAll(() => t.close());

  const register = async (receivedAt?: string) =>
    (await t.http().post('/applications').set('authorization', `Bearer ${township}`)
      .send(applicationBody(respondentId, { receivedAt, act: { type: '行政处罚决定', knownDate: '2026-09-20' } }))).body;
  const effectJobs = async (caseId: string) =>
    t.db.ds.query(`SELECT o.payload FROM outbox o JOIN case_clocks k ON k.id::text = o.payload->>'clockId' WHERE o.job_name = 'reminders.deadline-effect' AND k.case_id = $1`, [caseId]);

  it('plans reminders 3 and 1 working days before, on the due day, the first overdue day and the legal effect', async () => {
    const reg = await register(); // received now: due five working days ahead
    const rows = await t.db.ds.query(
      `SELECT m.key, m.kind, m.fire_at FROM clock_milestones m JOIN case_clocks k ON k.id = m.clock_id
        WHERE k.case_id = $1 AND k.rule = 'acceptance-review' AND m.status = 'pending' ORDER BY m.fire_at`,
      [reg.caseId],
    );
    const keys = rows.map((r: any) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['before-1', 'due', 'effect-deemed-accepted']));
    expect(keys.some((k: string) => k.startsWith('overdue-'))).toBe(true);
    const effect = rows.find((r: any) => r.kind === 'effect');
    // End of the due day in Beijing time = 16:00 UTC of that date.
    expect(new Date(effect.fire_at).toISOString()).toBe(`${reg.acceptanceDue}T16:00:00.000Z`);
  });

  it('ARL 30 across National Day: not at 23:59 on the 5th working day, deemed accepted right after it ends', async () => {
    const reg = await register('2026-09-29T10:00:00+08:00'); // 5 working days → Mon 2026-10-12
    expect(reg.acceptanceDue).toBe('2026-10-12');
    now = new Date('2026-10-12T15:59:00Z'); // 23:59 in Beijing on the due day
    await scanner.scanAll();
    expect(await effectJobs(reg.caseId)).toHaveLength(0);

    now = new Date('2026-10-12T16:00:01Z'); // the period is over
    await scanner.scanAll();
    const jobs = await effectJobs(reg.caseId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].payload.effect).toBe('deemed-accepted');
    const effects = t.app.get(DeadlineEffectsService);
    expect(await effects.apply(jobs[0].payload.clockId, 'deemed-accepted')).toBe('done');
    expect(await effects.apply(jobs[0].payload.clockId, 'deemed-accepted')).toBe('skipped'); // a repeat is harmless

    const [c] = await t.db.ds.query('SELECT state, accepted_on, procedure FROM cases WHERE id = $1', [reg.caseId]);
    expect(c).toMatchObject({ state: 'accepted', accepted_on: '2026-10-12', procedure: 'ordinary' });
    const clocks = await t.db.ds.query('SELECT rule, status, start_date FROM case_clocks WHERE case_id = $1 ORDER BY rule', [reg.caseId]);
    expect(clocks).toEqual(expect.arrayContaining([
      // Issue 12 item 13: the review period ended with its legal effect, not missed: closed on its due date.
      expect.objectContaining({ rule: 'acceptance-review', status: 'met' }),
      expect.objectContaining({ rule: 'decision', status: 'running', start_date: '2026-10-12' }),
    ]));
    const notes = await t.db.ds.query(`SELECT title FROM notifications WHERE case_id = $1 AND kind = 'deemed_accepted'`, [reg.caseId]);
    expect(notes.length).toBeGreaterThanOrEqual(1);
  });

  it('fires each reminder once, even when two scanners race; notifications and deliveries follow', async () => {
    const reg = await register();
    now = new Date(Date.now() + 40 * 86_400_000); // far past the due day: every planned milestone is due
    const [a, b] = await Promise.all([scanner.scanAll(50), scanner.scanAll(50)]);
    expect(a + b).toBeGreaterThan(0);
    const reminders = await t.db.ds.query(
      `SELECT clock_id, milestone_key, count(*)::int AS n FROM reminders WHERE case_id = $1 GROUP BY clock_id, milestone_key`, [reg.caseId]);
    expect(reminders.every((r: any) => r.n === 1)).toBe(true);
    // Forty days late: one overdue reminder for the catch-up, not one per missed working day.
    expect(reminders.filter((r: any) => r.milestone_key.startsWith('overdue-')).length).toBeLessThanOrEqual(4);
    const notes = await t.db.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'deadline_reminder'`, [reg.caseId]);
    expect(notes[0].n).toBeGreaterThan(0);
    // The overdue reminder chains to the next working day.
    const next = await t.db.ds.query(
      `SELECT m.key FROM clock_milestones m JOIN case_clocks k ON k.id = m.clock_id WHERE k.case_id = $1 AND m.status = 'pending' AND m.key LIKE 'overdue-%'`, [reg.caseId]);
    expect(next.length).toBeGreaterThan(0);
  });

  it('closing a clock cancels its pending milestones in the same transaction', async () => {
    const reg = await register();
    const clerk = await t.login('clerk');
    await t.http().post(`/cases/${reg.caseId}/acceptance-review`).set('authorization', `Bearer ${clerk}`).send({ outcome: 'accept', version: 1, procedure: 'ordinary' });
    const pending = await t.db.ds.query(
      `SELECT count(*)::int AS n FROM clock_milestones m JOIN case_clocks k ON k.id = m.clock_id
        WHERE k.case_id = $1 AND k.rule = 'acceptance-review' AND m.status = 'pending'`, [reg.caseId]);
    expect(pending[0].n).toBe(0);
  });

  it('an administrator changes a reminder policy; running clocks are re-planned at once', async () => {
    const reg = await register();
    const admin = await t.login('admin');
    const bad = await t.http().put('/reminder-policies/acceptance-review/handler').set('authorization', `Bearer ${admin}`).send({ offsets: [2], overdueDaily: true });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('offsets');
    const clerk = await t.login('clerk');
    expect((await t.http().put('/reminder-policies/acceptance-review/handler').set('authorization', `Bearer ${clerk}`).send({ offsets: [-2], overdueDaily: false })).status).toBe(403);
    const res = await t.http().put('/reminder-policies/acceptance-review/handler').set('authorization', `Bearer ${admin}`).send({ offsets: [-2, 0], overdueDaily: false });
    expect(res.status).toBe(200);
    expect(res.body.clocksReplanned).toBeGreaterThanOrEqual(1);
    const keys = (await t.db.ds.query(
      `SELECT m.key FROM clock_milestones m JOIN case_clocks k ON k.id = m.clock_id
        WHERE k.case_id = $1 AND k.rule = 'acceptance-review' AND m.status = 'pending' ORDER BY m.key`, [reg.caseId])).map((r: any) => r.key);
    expect(keys).not.toContain('before-1');
    expect(keys.some((k: string) => k.startsWith('overdue-'))).toBe(false);
    expect(keys).toContain('effect-deemed-accepted');
    const list = await t.http().get('/reminder-policies').set('authorization', `Bearer ${admin}`);
    expect(list.body).toEqual(expect.arrayContaining([{ rule: 'acceptance-review', recipientRole: 'handler', offsets: [-2, 0], overdueDaily: false }]));
  });

  it('one milestone for two recipient roles records two reminders, and a repeat after a re-plan records none', async () => {
    const admin = await t.login('admin');
    await t.http().put('/reminder-policies/copy-to-respondent/handler').set('authorization', `Bearer ${admin}`).send({ offsets: [0], overdueDaily: false });
    await t.http().put('/reminder-policies/copy-to-respondent/section_chief').set('authorization', `Bearer ${admin}`).send({ offsets: [0], overdueDaily: false });
    const reg = await register();
    const clerk = await t.login('clerk');
    await t.http().post(`/cases/${reg.caseId}/acceptance-review`).set('authorization', `Bearer ${clerk}`).send({ outcome: 'accept', version: 1, procedure: 'ordinary' });
    now = new Date(Date.now() + 30 * 86_400_000);
    await scanner.scanAll();
    const fired = await t.db.ds.query(
      `SELECT r.recipient_role FROM reminders r JOIN case_clocks k ON k.id = r.clock_id
        WHERE k.case_id = $1 AND k.rule = 'copy-to-respondent' AND r.milestone_key = 'due' ORDER BY 1`, [reg.caseId]);
    expect(fired.map((r: any) => r.recipient_role)).toEqual(['handler', 'section_chief']);
    const chiefNotes = await t.db.ds.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.case_id = $1 AND u.role = 'section_chief'`, [reg.caseId]);
    expect(chiefNotes[0].n).toBeGreaterThanOrEqual(1);
  });

  it('a clerk cannot confirm an abandoned application before the correction period has lapsed (ARL 31)', async () => {
    const reg = await register();
    const clerk = await t.login('clerk');
    await t.http().post(`/cases/${reg.caseId}/acceptance-review`).set('authorization', `Bearer ${clerk}`).send({ outcome: 'request_correction', version: 1, items: ['缺少身份证明'] });
    const early = await t.http().post(`/cases/${reg.caseId}/abandon`).set('authorization', `Bearer ${clerk}`).send({ version: 2 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CASE_CORRECTION_NOT_LAPSED');
  });

  it('a missed reply is flagged with its legal consequence (ARL 70)', async () => {
    const reg = await register();
    const clerk = await t.login('clerk');
    await t.http().post(`/cases/${reg.caseId}/acceptance-review`).set('authorization', `Bearer ${clerk}`).send({ outcome: 'accept', version: 1, procedure: 'ordinary' });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const copy = await t.http().post(`/cases/${reg.caseId}/copy-sent`).set('authorization', `Bearer ${clerk}`).send({ version: 2, sentOn: today, method: 'post', receivedOn: today });
    expect(copy.status).toBe(200);
    now = new Date(`${copy.body.replyDue}T16:00:01Z`); // just after the 10 working days end
    await scanner.scanAll();
    const [job] = await t.db.ds.query(
      `SELECT o.payload FROM outbox o JOIN case_clocks k ON k.id::text = o.payload->>'clockId'
        WHERE o.job_name = 'reminders.deadline-effect' AND k.case_id = $1 AND k.rule = 'respondent-reply'`, [reg.caseId]);
    expect(job.payload.effect).toBe('reply-missed');
    expect(await t.app.get(DeadlineEffectsService).apply(job.payload.clockId, 'reply-missed')).toBe('done');
    const [event] = await t.db.ds.query(`SELECT type FROM case_events WHERE case_id = $1 AND type = 'respondent_reply_missed'`, [reg.caseId]);
    expect(event).toBeDefined();
    const notes = await t.db.ds.query(`SELECT body FROM notifications WHERE case_id = $1 AND kind = 'deadline_effect'`, [reg.caseId]);
    expect(notes[0].body).toContain('第七十条');
  });
});
