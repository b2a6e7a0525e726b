import { AuditService, loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService, ClockRecomputer, ClockService, MilestoneWriter } from '@fuyi/clocks';
import { insertDueReminders } from '../support/due-reminders';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';

/** The test deployment's settings, as the apps read them (Notifier.standalone takes its channels from them). */
const NOTIFY = loadConfig(process.env);

/**
 * Issue 15 item 7: a calendar change commits its version at once and moves the open clocks afterwards in short batches,
 * so clock writes (every registration starts three) are not held for the whole recompute; a recompute cut short is
 * finished by the next finishOwed() (the worker calls it before every reminder scan).
 */
describe('calendar changes recompute open clocks in batches, after the commit', () => {
  let db: TestDatabase;
  let calendars: CalendarService;
  let clocks: ClockService;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test' });
    const time = new TimeSource(config);
    const milestones = new MilestoneWriter(time);
    calendars = new CalendarService(new UnitOfWork(db.ds), new AuditService(), new ClockRecomputer(milestones, caseClockMoveListeners(Notifier.standalone(db.ds, NOTIFY))), config);
    clocks = new ClockService(new UnitOfWork(db.ds), calendars, milestones, time);
    const [{ id: userId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    // Two open clocks (copy-to-respondent, ARL 48: 7 working days from 2026-11-20) on cases of their own.
    await insertDueReminders(db, 2, userId);
  });
  afterAll(() => db.drop());

  const dues = async () => (await db.ds.query(`SELECT rule || ' ' || due_date AS d FROM case_clocks ORDER BY 1`)).map((r: { d: string }) => r.d);

  it('while the recompute waits on a clock locked by another transaction, a new clock starts on the new calendar', async () => {
    const [locked] = await db.ds.query(`SELECT id, case_id FROM case_clocks ORDER BY id LIMIT 1`);
    const holder = db.ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT 1 FROM case_clocks WHERE id = $1 FOR UPDATE`, [locked.id]);
      const change = calendars.setDay(null, '停电停止办公', '2026-11-24', 'closure', '停电停止办公');
      // The version is committed without waiting for the locked clock…
      for (let i = 0; i < 200 && (await calendars.current()).version < 2; i++) await new Promise((r) => setTimeout(r, 25));
      expect((await calendars.current()).version).toBe(2);
      // …and a clock write goes through meanwhile, computed on the new calendar (the old design held it until the end).
      const fresh = await db.ds.transaction((m) => clocks.start(m, locked.case_id, 'acceptance-review', '2026-11-20'));
      expect(fresh).toMatchObject({ calendarVersion: 2, due: '2026-11-30' });
      await holder.commitTransaction();
      expect(await change).toEqual({ version: 2, changedDays: 1, clocksRecomputed: 2 });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    // 5 and 7 working days from Friday 2026-11-20 without Tuesday 11-24.
    expect(await dues()).toEqual(['acceptance-review 2026-11-30', 'copy-to-respondent 2026-12-02', 'copy-to-respondent 2026-12-02']);
    const [v] = await db.ds.query(`SELECT clocks_recomputed, recomputed_at IS NOT NULL AS done FROM calendar_versions WHERE version = 2`);
    expect(v).toEqual({ clocks_recomputed: 2, done: true });
  });

  it('a recompute cut short (the version committed, the process gone) is finished by the next finishOwed, once', async () => {
    // What a stop right after the commit leaves: version 3 written, its clocks not yet moved.
    await db.owner.query(`INSERT INTO calendar_days (date, kind, name, version) VALUES ('2026-11-25', 'closure', '停电停止办公', 3)`);
    await db.owner.query(`INSERT INTO calendar_versions (version, reason, changes, recompute_from, recompute_to) VALUES (3, '停电', '[]', '2026-11-25', '2026-11-25')`);
    expect(await calendars.finishOwed()).toBe(3);
    expect(await dues()).toEqual(['acceptance-review 2026-12-01', 'copy-to-respondent 2026-12-03', 'copy-to-respondent 2026-12-03']);
    const events = await db.ds.query(`SELECT data->>'oldDue' AS old, data->>'newDue' AS new FROM case_events WHERE type = 'clock_recomputed' AND (data->>'calendarVersion')::int = 3`);
    expect(events).toHaveLength(3);
    expect(events).toEqual(expect.arrayContaining([{ old: '2026-11-30', new: '2026-12-01' }, { old: '2026-12-02', new: '2026-12-03' }]));
    expect(await calendars.finishOwed()).toBe(0);
  });
});
