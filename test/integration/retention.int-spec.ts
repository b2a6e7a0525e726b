import { loadConfig, purgePlatformHistory } from '@fuyi/platform';
import { purgeReminderHistory } from '@fuyi/clocks';
import { purgeDeliveryHistory } from '@fuyi/notifications';
import { insertDueReminders } from '../support/due-reminders';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 15 item 6: operational history is purged after its retention period, children before parents, never what is
 * still in flight; the metrics' totals are kept by triggers and survive the purge.
 */
describe('retention purge and incremental operations counters', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const total = async (name: string) => Number((await db.ds.query(`SELECT coalesce(sum(value), 0) AS v FROM ops_counters WHERE name = $1`, [name]))[0].v);
  const count = async (sql: string) => Number((await db.ds.query(sql))[0].n);

  it('counters follow the rows: one per reminder inserted, one per delivery reaching delivered or dead, whoever writes them', async () => {
    const [{ id: userId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    await insertDueReminders(db, 6, userId);
    // Two reminders fired a year ago, four a minute ago; each notified with one webhook delivery.
    await db.ds.query(
      `INSERT INTO reminders (milestone_id, clock_id, case_id, milestone_key, clock_version, kind, recipient_role, due_at, fired_at)
       SELECT m.id, m.clock_id, m.case_id, m.key, m.clock_version, m.kind, m.recipient_role, m.fire_at,
              CASE WHEN row_number() OVER (ORDER BY m.id) <= 2 THEN now() - interval '400 days' ELSE now() - interval '1 minute' END
         FROM clock_milestones m`,
    );
    await db.ds.query(`UPDATE clock_milestones SET status = 'fired', fired_at = now(), fire_at = CASE WHEN id IN (SELECT milestone_id FROM reminders WHERE fired_at < now() - interval '200 days') THEN now() - interval '400 days' ELSE fire_at END`);
    await db.ds.query(
      `INSERT INTO notifications (user_id, kind, title, body, case_id, reminder_id, created_at)
       SELECT $1, 'deadline_reminder', '提醒', '提醒', r.case_id, r.id, r.fired_at FROM reminders r`,
      [userId],
    );
    await db.ds.query(`INSERT INTO deliveries (notification_id, user_id, channel, updated_at) SELECT id, user_id, 'webhook', created_at FROM notifications`);
    expect(await total('reminders_fired')).toBe(6);
    await db.ds.query(`UPDATE deliveries SET status = 'delivered', updated_at = updated_at WHERE id IN (SELECT id FROM deliveries ORDER BY id LIMIT 5)`);
    await db.ds.query(`UPDATE deliveries SET status = 'delivered' WHERE status = 'delivered'`); // no change of status: not counted again
    await db.ds.query(`UPDATE deliveries SET status = 'dead' WHERE status = 'pending'`);
    expect([await total('deliveries_delivered'), await total('deliveries_dead')]).toEqual([5, 1]);
  });

  it('purges what is older than the period and finished, keeps what is recent or in flight, and the totals stay', async () => {
    // A cancelled milestone a year old (no reminder), and a pending one a year old (in flight: stays).
    const [clock] = await db.ds.query(`SELECT id, case_id FROM case_clocks LIMIT 1`);
    await db.ds.query(
      `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at, status)
       VALUES ($1, $2, 1, 'old-cancelled', 'reminder', 'handler', now() - interval '400 days', 'cancelled'),
              ($1, $2, 1, 'old-pending', 'reminder', 'handler', now() - interval '400 days', 'pending')`,
      [clock.id, clock.case_id],
    );
    await db.ds.query(
      `INSERT INTO outbox (queue, job_name, payload, created_at, sent_at) VALUES
         ('system', 'system.heartbeat', '{}', now() - interval '30 days', now() - interval '30 days'),
         ('system', 'system.heartbeat', '{}', now() - interval '1 day', now() - interval '1 day'),
         ('system', 'system.heartbeat', '{}', now() - interval '30 days', NULL)`,
    );
    const before = { reminders: await total('reminders_fired'), delivered: await total('deliveries_delivered') };

    const purged = {
      deliveries: await purgeDeliveryHistory(db.ds, 180),
      ...(await purgeReminderHistory(db.ds, 180)),
      ...(await purgePlatformHistory(db.ds, 7)),
    };
    expect(purged).toEqual({ deliveries: 2, notifications: 2, reminders: 2, milestones: 3, outbox: 1, idempotencyKeys: 0 });
    expect(await count(`SELECT count(*) AS n FROM reminders`)).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM clock_milestones WHERE key = 'old-pending'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL`)).toBe(1);
    expect({ reminders: await total('reminders_fired'), delivered: await total('deliveries_delivered') }).toEqual(before);
    // Idempotent: a second run finds nothing.
    expect(await purgeDeliveryHistory(db.ds, 180)).toBe(0);
    expect(Object.values(await purgeReminderHistory(db.ds, 180))).toEqual([0, 0, 0]);
  });

  it('refuses a retention shorter than 180 days at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', RETENTION_DAYS: '30' })).toThrow(/RETENTION_DAYS 应为 180 到 36500 之间的整数/);
    expect(loadConfig({ NODE_ENV: 'test' }).retention).toEqual({ days: 400, outboxDays: 7 });
  });
});
