import Redis from 'ioredis';
import { AuditService, loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService, ClockRecomputer, ClockService, MilestoneWriter } from '@fuyi/clocks';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertDueReminders } from '../support/due-reminders';
import {
  deleteRedisPrefix, describeWorker, killAllWorkers, pollUntil, startWebhookReceiver, startWorker,
  type WebhookReceiver, type WorkerProcess,
} from '../support/worker-process';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';

/** The test deployment's settings, as the apps read them (Notifier.standalone takes its channels from them). */
const NOTIFY = loadConfig(process.env);

/**
 * Crash and recovery with REAL worker processes (child processes: node -r @swc-node/register apps/worker/src/main.ts)
 * against real PostgreSQL and Redis (issue 7, "Must show" (a), (b), (c), (e)). Each test gets its own cloned database
 * and its own BullMQ key prefix. Reminders go out through the webhook channel only (NOTIFY_CHANNELS='' + WEBHOOK_URL)
 * to a receiver in this process that counts every deliveryId it gets.
 */
const N = 5_000;
/** Milestones kept locked by the test in (a) and (b), so that the run is caught in the middle deterministically. */
const HELD = 1_000;
/** concurrency of each BullMQ Worker in apps/worker/src/queue-processors.service.ts */
const WORKER_CONCURRENCY = 8;

interface Fixture {
  db: TestDatabase;
  hook: WebhookReceiver;
}
const fixtures: Fixture[] = [];

async function fixture(): Promise<Fixture & { userId: string }> {
  const db = await createTestDatabase();
  const f = { db, hook: await startWebhookReceiver() };
  fixtures.push(f);
  const [{ id: userId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
  return { ...f, userId };
}

interface Counts {
  pending: number;
  reminders: number;
  notifications: number;
  deliveries: number;
  delivered: number;
}

async function counts(db: TestDatabase): Promise<Counts> {
  const [c] = await db.ds.query(
    `WITH reminder_deliveries AS (SELECT d.* FROM deliveries d JOIN notifications n ON n.id = d.notification_id AND n.kind = 'deadline_reminder')
     SELECT (SELECT count(*) FROM clock_milestones WHERE status = 'pending')::int AS pending,
            (SELECT count(*) FROM reminders)::int AS reminders,
            (SELECT count(*) FROM notifications WHERE kind = 'deadline_reminder')::int AS notifications,
            (SELECT count(*) FROM reminder_deliveries)::int AS deliveries,
            (SELECT count(*) FROM reminder_deliveries WHERE status = 'delivered')::int AS delivered`,
  );
  return c;
}

const allDone = (db: TestDatabase) => async () => {
  const c = await counts(db);
  return c.pending === 0 && c.delivered >= N ? c : null;
};

/**
 * Everything exactly once in PostgreSQL; at the receiver every delivery at least once. Returns the receiver's repeats
 * (deliveryId → times received beyond the first) for the caller to bound.
 */
async function assertExactlyOnce(f: Fixture, userId: string): Promise<{ repeats: number; repeatedIds: string[] }> {
  const { db, hook } = f;
  expect(await counts(db)).toEqual({ pending: 0, reminders: N, notifications: N, deliveries: N, delivered: N });
  const [r] = await db.ds.query(
    `WITH reminder_deliveries AS (SELECT d.* FROM deliveries d JOIN notifications n ON n.id = d.notification_id AND n.kind = 'deadline_reminder')
     SELECT (SELECT count(*) FROM clock_milestones WHERE status = 'fired')::int AS fired_milestones,
            (SELECT count(DISTINCT (clock_id, milestone_key, clock_version)) FROM reminders)::int AS distinct_reminder_keys,
            (SELECT count(DISTINCT milestone_id) FROM reminders)::int AS distinct_milestones,
            (SELECT count(DISTINCT reminder_id) FROM notifications WHERE kind = 'deadline_reminder')::int AS reminders_notified,
            (SELECT count(*) FROM notifications n JOIN reminders r ON r.id = n.reminder_id WHERE n.user_id = $1)::int AS to_handler,
            (SELECT count(DISTINCT notification_id) FROM reminder_deliveries WHERE channel = 'webhook')::int AS notifications_delivered,
            (SELECT count(*) FROM reminder_deliveries WHERE status = 'delivered' AND attempts = 1 AND delivered_at IS NOT NULL)::int AS delivered_first_attempt`,
    [userId],
  );
  expect(r).toEqual({
    fired_milestones: N, distinct_reminder_keys: N, distinct_milestones: N, reminders_notified: N, to_handler: N,
    notifications_delivered: N, delivered_first_attempt: N,
  });
  // The receiver got every reminder delivery. Other notices may legitimately go out meanwhile (the daily digest
  // catches up when a worker starts after 08:30 Beijing time); they are not what this test counts.
  const ids: string[] = (await db.ds.query(`SELECT id::text AS id FROM (SELECT d.* FROM deliveries d JOIN notifications n ON n.id = d.notification_id AND n.kind = 'deadline_reminder') r`)).map((x: { id: string }) => x.id);
  const missing = ids.filter((id) => !hook.received.has(id));
  expect(missing).toEqual([]);
  const others: string[] = (await db.ds.query(`SELECT d.id::text AS id FROM deliveries d JOIN notifications n ON n.id = d.notification_id AND n.kind <> 'deadline_reminder'`)).map((x: { id: string }) => x.id);
  expect(hook.received.size).toBe(N + others.filter((id) => hook.received.has(id)).length);
  const dups = hook.duplicates();
  return { repeats: dups.reduce((s, [, k]) => s + k - 1, 0), repeatedIds: dups.map(([id]) => id) };
}

/** No worker logged a unique-key violation, a failed scan, or anything at error level. */
function expectNoDuplicateErrors(workers: WorkerProcess[]): void {
  for (const w of workers) {
    const text = w.stdout() + w.stderr();
    expect(text).not.toMatch(/duplicate key|uq_reminders_key|uq_notifications_reminder_user|uq_deliveries_notification_channel/i);
    expect(w.warnings().filter((l) => l.level >= 50)).toEqual([]);
    expect(w.warnings().filter((l) => /reminders\.scan/.test(l.msg))).toEqual([]);
  }
}

/**
 * Locks the last `n` pending milestones (by fire_at, id) in an open transaction: the scanner's FOR UPDATE SKIP LOCKED
 * passes them over until release() commits. Uses the owner pool (2 connections), one of which it keeps meanwhile.
 */
async function holdLastMilestones(db: TestDatabase, n: number): Promise<{ release(): Promise<void> }> {
  const qr = db.owner.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  const rows = await qr.query(`SELECT id FROM clock_milestones WHERE status = 'pending' ORDER BY fire_at DESC, id DESC LIMIT $1 FOR UPDATE`, [n]);
  expect(rows).toHaveLength(n);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await qr.commitTransaction().catch(() => undefined);
      await qr.release();
    },
  };
}

/** queue:scheduler ids present in Redis for this deployment. */
async function schedulers(db: TestDatabase): Promise<string[]> {
  const redis = new Redis(db.config.redisUrl, { maxRetriesPerRequest: 3 });
  try {
    const out: string[] = [];
    for (const q of ['system', 'cases', 'reminders', 'notifications']) {
      for (const id of await redis.zrange(`${db.config.queuePrefix}:${q}:repeat`, 0, -1)) out.push(`${q}:${id}`);
    }
    return out.sort();
  } finally {
    redis.disconnect();
  }
}

async function outboxStats(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.ds.query(`SELECT job_name, count(*)::int AS n FROM outbox GROUP BY job_name ORDER BY job_name`);
  return Object.fromEntries(rows.map((r: { job_name: string; n: number }) => [r.job_name, r.n]));
}

/** Ids of the reminder-scan jobs (from the worker's job scheduler) that BullMQ lists as completed right now. */
async function completedScans(db: TestDatabase): Promise<string[]> {
  const redis = new Redis(db.config.redisUrl, { maxRetriesPerRequest: 3 });
  try {
    const ids = await redis.zrange(`${db.config.queuePrefix}:reminders:completed`, 0, -1);
    return ids.filter((id) => id.startsWith('repeat:reminder-scan:'));
  } finally {
    redis.disconnect();
  }
}

const log = (what: string, data: unknown) => process.stdout.write(`[worker-recovery] ${what}: ${JSON.stringify(data)}\n`);

describe('worker recovery with real worker processes', () => {
  afterEach(async () => {
    await killAllWorkers();
  });
  afterAll(async () => {
    await killAllWorkers();
    for (const f of fixtures) {
      await f.hook.close();
      await deleteRedisPrefix(f.db.config.redisUrl, f.db.config.queuePrefix);
      await f.db.drop();
    }
  });

  it(`(a) kill -9 in the middle of ${N} due reminders, then a new worker: every reminder recorded and delivered exactly once`, async () => {
    const f = await fixture();
    await insertDueReminders(f.db, N, f.userId);
    // The middle of the batch, deterministically: the last HELD milestones stay locked (the scanner skips locked rows),
    // so worker-1 records N - HELD reminders and is killed while sending their deliveries, with HELD not yet fired.
    const held = await holdLastMilestones(f.db, HELD);
    let w1: WorkerProcess;
    try {
      const t0 = Date.now();
      w1 = await startWorker(f.db.config, { channels: '', webhookUrl: f.hook.url, name: 'worker-1' });
      const atKill = await pollUntil(async () => {
        const c = await counts(f.db);
        return c.delivered >= 200 ? c : null;
      }, 30_000, 'deliveries to be under way', () => describeWorker(w1), 20);
      const receivedBeforeKill = f.hook.total();
      const exit = await w1.kill('SIGKILL');
      const afterKill = await counts(f.db);
      log('(a) at kill -9', { atKill, afterKill, receivedBeforeKill, exit: { code: exit.code, signal: exit.signal }, firstWorkerMs: Date.now() - t0 });
      expect(exit.signal).toBe('SIGKILL');
      expect(afterKill).toMatchObject({ pending: HELD, reminders: N - HELD, notifications: N - HELD, deliveries: N - HELD });
      expect(afterKill.delivered).toBeLessThan(N - HELD);
    } finally {
      await held.release();
    }

    const t1 = Date.now();
    const w2 = await startWorker(f.db.config, { channels: '', webhookUrl: f.hook.url, name: 'worker-2' });
    const ready2 = Date.now();
    // Jobs the killed worker held come back once BullMQ declares them stalled (its stalledInterval is 30 s), so on a
    // loaded machine the tail can take most of a minute: the time allowed is generous, the assertions are exact.
    await pollUntil(allDone(f.db), 75_000, `all ${N} delivered`, async () => `${JSON.stringify(await counts(f.db))}\n${describeWorker(w2)}`);
    const { repeats, repeatedIds } = await assertExactlyOnce(f, f.userId);
    log('(a) result', {
      reminders: N, receivedTotal: f.hook.total(), distinctReceived: f.hook.received.size, repeatsAtReceiver: repeats, repeatedIds,
      secondWorkerStartMs: ready2 - t1, secondWorkerDoneMs: Date.now() - ready2, outbox: await outboxStats(f.db), worker2Warnings: w2.warnings().length,
    });
    // A repeat at the receiver can only be a send that was in flight when the process died (sent, not yet committed):
    // at most one per concurrent delivery job of the killed worker.
    expect(repeats).toBeLessThanOrEqual(WORKER_CONCURRENCY);
    expectNoDuplicateErrors([w1, w2]);
  }, 130_000);

  it(`(b) this deployment's Redis emptied in the middle of the run: still every reminder exactly once`, async () => {
    const f = await fixture();
    await insertDueReminders(f.db, N, f.userId);
    const held = await holdLastMilestones(f.db, HELD);
    let w: WorkerProcess;
    let atFlush: Counts;
    let keysDeleted: number;
    let flushedAt: number;
    try {
      w = await startWorker(f.db.config, { channels: '', webhookUrl: f.hook.url, name: 'worker-flush' });
      atFlush = await pollUntil(async () => {
        const c = await counts(f.db);
        return c.delivered >= 200 ? c : null;
      }, 30_000, 'deliveries to be under way', () => describeWorker(w), 20);
      // "FLUSHALL" for this deployment: Redis is shared with the other test files running in parallel, so instead of
      // FLUSHALL (which would wipe their queues too) delete every key under this test's QUEUE_PREFIX: all of this
      // deployment's queued, active and delayed jobs, its job schedulers, events and counters.
      flushedAt = Date.now();
      keysDeleted = await deleteRedisPrefix(f.db.config.redisUrl, f.db.config.queuePrefix);
      expect(keysDeleted).toBeGreaterThan(0);
      expect(await schedulers(f.db)).toEqual([]);
    } finally {
      // The held milestones fall due now, with no reminder-scan scheduler left in Redis: only its re-assertion finds them.
      await held.release();
    }
    const afterFlush = await counts(f.db);
    expect(afterFlush.delivered).toBeLessThan(N - HELD);
    // Generous waits: 5,000 deliveries take ~20 s on a quiet machine and over a minute under a loaded CI box; the
    // assertion is exactly-once, not speed (bench/ measures speed).
    await pollUntil(allDone(f.db), 150_000, `all ${N} delivered after the flush`, async () => `${JSON.stringify(await counts(f.db))}\n${describeWorker(w)}`);
    const recoveredMs = Date.now() - flushedAt;
    const { repeats, repeatedIds } = await assertExactlyOnce(f, f.userId);
    // The worker rebuilt its schedulers in Redis.
    expect(await schedulers(f.db)).toEqual(expect.arrayContaining(['notifications:delivery-sweep', 'reminders:reminder-scan']));
    log('(b) result', {
      atFlush, afterFlush, keysDeleted, recoveredMs, receivedTotal: f.hook.total(), repeatsAtReceiver: repeats, repeatedIds,
      outbox: await outboxStats(f.db), warningCount: w.warnings().length, warnings: [...new Set(w.warnings().map((l) => l.msg.replace(/\d+/g, 'N')))],
    });
    // Nobody died: a send in flight during the flush commits normally, so not even one repeat.
    expect(repeats).toBe(0);
    expect(w.alive()).toBe(true);
    expectNoDuplicateErrors([w]);
  }, 200_000);

  it(`(c) three workers on the same ${N} due reminders: none fired twice, all delivered exactly once`, async () => {
    const f = await fixture();
    // Not due yet while the workers start, so that all three are scanning when the reminders fall due at once.
    await insertDueReminders(f.db, N, f.userId, `now() + interval '1 day'`);
    const workers = await Promise.all([1, 2, 3].map((i) => startWorker(f.db.config, { channels: '', webhookUrl: f.hook.url, name: `worker-c${i}` })));
    const due = Date.now();
    await f.db.owner.query(`UPDATE clock_milestones SET fire_at = now() WHERE status = 'pending'`);
    await pollUntil(allDone(f.db), 150_000, `all ${N} delivered by three workers`, async () =>
      `${JSON.stringify(await counts(f.db))}\n${workers.map((w) => describeWorker(w, 1500)).join('\n')}`);
    const doneMs = Date.now() - due;
    const { repeats } = await assertExactlyOnce(f, f.userId);
    const batches = await f.db.ds.query(`SELECT count(DISTINCT fired_at)::int AS n FROM reminders`);
    log('(c) result', {
      dueToAllDeliveredMs: doneMs, scanBatches: batches[0].n, outbox: await outboxStats(f.db), receivedTotal: f.hook.total(),
      repeatsAtReceiver: repeats, warnings: workers.map((w) => w.warnings().length),
    });
    expect(repeats).toBe(0);
    for (const w of workers) expect(w.alive()).toBe(true);
    expectNoDuplicateErrors(workers);
  }, 200_000);

  it('(e) deemed acceptance (ARL 30) across National Day: not at 23:59 on the 5th working day, right after it ends', async () => {
    const f = await fixture();
    const { db } = f;
    const caseId = '00000000-0000-4000-8000-00000000e030';
    await db.owner.query(
      `INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                          act_known_date, requests, facts_reasons, query_code_hash)
       VALUES ($1, '通复〔2026〕第0000930号', 2026, 930, 'registered', $2, 'counter', '2026-09-29T10:00:00+08:00', 1, 'penalty', '行政处罚决定',
               '2026-09-20', '请求', '理由', repeat('0', 64))`,
      [caseId, f.userId],
    );
    // The clock and its milestones through the real code, as registration on 2026-09-29 would have written them.
    const config = loadConfig({ NODE_ENV: 'test', FUYI_NOW: '2026-09-29T02:00:00Z' });
    const time = new TimeSource(config);
    const milestones = new MilestoneWriter(time);
    const calendars = new CalendarService(new UnitOfWork(db.ds), new AuditService(), new ClockRecomputer(milestones, caseClockMoveListeners(Notifier.standalone(db.ds, NOTIFY))), config);
    const clocks = new ClockService(new UnitOfWork(db.ds), calendars, milestones, time);
    const [clock] = await db.ds.transaction((m) => clocks.startMany(m, caseId, [{ rule: 'acceptance-review', start: '2026-09-29' }]));
    expect(clock.due).toBe('2026-10-12'); // five working days, 1–8 October not counted
    const plan = await db.ds.query(`SELECT key, kind, fire_at FROM clock_milestones WHERE clock_id = $1 ORDER BY fire_at`, [clock.id]);
    const effect = plan.find((p: any) => p.kind === 'effect');
    expect(new Date(effect.fire_at).toISOString()).toBe('2026-10-12T16:00:00.000Z'); // end of the day in Beijing
    const milestone = async (key: string) =>
      (await db.ds.query(`SELECT status FROM clock_milestones WHERE clock_id = $1 AND key = $2`, [clock.id, key]))[0]?.status;
    const caseRow = async () => (await db.ds.query(`SELECT state, accepted_on, procedure FROM cases WHERE id = $1`, [caseId]))[0];

    // 23:59 in Beijing on the due day: the day's reminders fire, the effect does not.
    const early = await startWorker(db.config, { channels: '', now: '2026-10-12T15:59:00Z', name: 'worker-e-1559' });
    await pollUntil(async () => (await milestone('due')) === 'fired', 15_000, "the due day's reminder to fire", () => describeWorker(early));
    // A scan claims everything with fire_at <= now in one batch, so the effect would have fired with the 'due' reminder.
    // To be sure, wait until the scheduler has completed a few more scans (every 200 ms) after that one.
    const seen = new Set(await completedScans(db));
    await pollUntil(async () => (await completedScans(db)).filter((id) => !seen.has(id)).length >= 3, 10_000, 'three more reminder scans',
      () => describeWorker(early));
    const remindersBeforeEffect = (await db.ds.query(`SELECT milestone_key FROM reminders WHERE clock_id = $1 ORDER BY id`, [clock.id]))
      .map((r: { milestone_key: string }) => r.milestone_key);
    expect(await milestone(`effect-deemed-accepted`)).toBe('pending');
    expect(await caseRow()).toMatchObject({ state: 'registered', accepted_on: null });
    expect(await db.ds.query(`SELECT 1 FROM outbox WHERE job_name = 'reminders.deadline-effect'`)).toEqual([]);
    const stopped = await early.kill('SIGTERM');
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });

    // 00:00:05 on the next day in Beijing: the period is over.
    const late = await startWorker(db.config, { channels: '', now: '2026-10-12T16:00:05Z', name: 'worker-e-1600' });
    const accepted = await pollUntil(async () => {
      const c = await caseRow();
      return c.state === 'accepted' ? c : null;
    }, 15_000, 'the case to be deemed accepted', () => describeWorker(late));
    expect(accepted).toMatchObject({ state: 'accepted', accepted_on: '2026-10-12', procedure: 'ordinary' });
    expect(await milestone('effect-deemed-accepted')).toBe('fired');
    const closed = await db.ds.query(`SELECT rule, status, start_date FROM case_clocks WHERE case_id = $1 ORDER BY rule`, [caseId]);
    expect(closed).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'acceptance-review', status: expect.stringMatching(/^(met|missed)$/) }),
      expect.objectContaining({ rule: 'decision', status: 'running', start_date: '2026-10-12' }),
    ]));
    const told = await db.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'deemed_accepted' AND user_id = $2`, [caseId, f.userId]);
    expect(told[0].n).toBe(1);
    log('(e) result', { plan: plan.map((p: any) => `${p.key}@${new Date(p.fire_at).toISOString()}`), remindersBeforeEffect, accepted });
    expectNoDuplicateErrors([early, late]);
  }, 60_000);
});
