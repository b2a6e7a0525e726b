import { AuditService, loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService, ClockRecomputer, ClockService, MilestoneWriter } from '@fuyi/clocks';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertBareCase } from '../support/factories';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';

/** The test deployment's settings, as the apps read them (Notifier.standalone takes its channels from them). */
const NOTIFY = loadConfig(process.env);

/** Clocks start, pause, resume, extend and close inside the caller's transaction, on the database calendar. */
describe('ClockService against real PostgreSQL', () => {
  let db: TestDatabase;
  let clocks: ClockService;
  const caseId = '00000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    const config = loadConfig({ NODE_ENV: 'test' });
    const time = new TimeSource(config);
    const milestones = new MilestoneWriter(time);
    const calendars = new CalendarService(new UnitOfWork(db.ds), new AuditService(), new ClockRecomputer(milestones, caseClockMoveListeners(Notifier.standalone(db.ds, NOTIFY))), config);
    clocks = new ClockService(new UnitOfWork(db.ds), calendars, milestones, time);
    await insertBareCase(db.ds, caseId);
    await insertBareCase(db.ds, '00000000-0000-4000-8000-000000000002');
  });
  afterAll(() => db.drop());

  it('decision clock: 60 days across National Day, suspension moves it, one extension within the cap', async () => {
    const started = await db.ds.transaction((m) => clocks.start(m, caseId, 'decision', '2026-08-04'));
    expect(started).toMatchObject({ due: '2026-10-08', status: 'running', calendarVersion: 1 });

    const paused = await db.ds.transaction((m) => clocks.pause(m, caseId, 'decision', '2026-08-20'));
    expect(paused.status).toBe('paused');
    const resumed = await db.ds.transaction((m) => clocks.resume(m, caseId, 'decision', '2026-09-01'));
    expect(resumed.status).toBe('running');
    expect(resumed.suspensions).toEqual([{ from: '2026-08-20', to: '2026-09-01' }]);
    expect(resumed.due).toBe('2026-10-15'); // day 60 Sat 10-03 + 12 suspended days = Thu 10-15 (domain.md §4)
    expect(resumed.explanation.join('\n')).toContain('中止');

    await expect(db.ds.transaction((m) => clocks.extend(m, caseId, 'decision', 31))).rejects.toMatchObject({ code: 'DEADLINE_EXTENSION_EXCEEDS_CAP' });
    const extended = await db.ds.transaction((m) => clocks.extend(m, caseId, 'decision', 30));
    expect(extended.extensionDays).toBe(30);
    expect(extended.due > resumed.due).toBe(true);
    await expect(db.ds.transaction((m) => clocks.extend(m, caseId, 'decision', 5))).rejects.toMatchObject({ code: 'CLOCK_ALREADY_EXTENDED' });

    await db.ds.transaction((m) => clocks.close(m, caseId, 'decision', '2026-09-30', 'met'));
    const [closed] = await clocks.forCase(caseId);
    expect(closed).toMatchObject({ status: 'met', closedOn: '2026-09-30' });
  });

  it('a failed transaction leaves the clock untouched; late closing is recorded as missed', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    await db.ds.transaction((m) => clocks.start(m, id, 'acceptance-review', '2026-09-29'));
    await expect(
      db.ds.transaction(async (m) => {
        await clocks.pause(m, id, 'acceptance-review', '2026-09-30').catch(() => undefined); // not suspendable: engine refuses
        throw new Error('event failed');
      }),
    ).rejects.toThrow('event failed');
    const [still] = await clocks.forCase(id);
    expect(still).toMatchObject({ status: 'running', due: '2026-10-12', suspensions: [] });
    await db.ds.transaction((m) => clocks.close(m, id, 'acceptance-review', '2026-10-13', 'met'));
    expect((await clocks.forCase(id))[0].status).toBe('missed');
  });
});
