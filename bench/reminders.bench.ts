/**
 * Reminders at scale (issue 7): 1,000,000 running clocks, each with its pending milestones in PostgreSQL, of which
 * 10,000 become due at the same instant. Measures, against real PostgreSQL and Redis:
 *   - the time from that instant until all 10,000 reminders are recorded (ReminderScanner in process, batches of 1000,
 *     started at the due instant; a real worker adds up to REMINDER_SCAN_MS of waiting for its next scan),
 *   - firing lateness p50/p99: reminders.fired_at − due_at (fired_at is the scan batch's "now"), and the lateness
 *     until each reminder's transaction committed,
 *   - the cost of a scan when nothing is due (it must follow the due milestones, not the open clocks),
 *   - Redis memory of this design: the job schedulers plus the jobs in flight after relaying the outbox of the burst
 *     (relayOutboxBatch + QueueRegistry.publishOutbox, own key prefix).
 * Baseline in the same run: the naive design, one BullMQ delayed job per milestone, enqueued with addBulk for
 * 100,000 clocks (×4 milestones) on a separate prefix; its Redis memory is extrapolated linearly to 1,000,000 clocks.
 * Redis memory is given two ways: INFO used_memory before/after (whole server: other clients' keys add noise) and the
 * sum of MEMORY USAGE over the prefix's keys (exact for the keys, no allocator overhead).
 *
 *   node -r @swc-node/register bench/reminders.bench.ts     (BENCH_CLOCKS=1000000, BENCH_DUE=10000, BENCH_NAIVE_CLOCKS=100000)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  AuditService, dropDatabase, JobName, loadConfig, OutboxService, QueueName, QueueRegistry, redisConnection, relayOutboxBatch, TimeSource, UnitOfWork,
} from '@fuyi/platform';
import { CalendarService, ClockRecomputer, MilestoneWriter, ReminderScanner } from '@fuyi/clocks';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';
import { freshBenchDatabase } from './bench-database';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MILESTONES_PER_CLOCK = 4; // 3 and 1 working days before, the due day, the first overdue day
/** The worker's job options (libs/platform/src/queue/queue-registry.ts), for the naive baseline too. */
const JOB_DEFAULTS = { removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 2000 } };

/**
 * n cases (registered by one of 100 clerks, who get the reminders), one running clock each (copy-to-respondent: no
 * legal effect, reminders only), due on a working-day-ish spread over 2027, and 4 pending milestones per clock, all
 * in the future. Set-based, like a migration would.
 */
async function load(ds: DataSource, n: number): Promise<void> {
  await ds.query(`SET synchronous_commit = off`);
  await ds.query(
    `INSERT INTO users (username, display_name, role, password_hash)
     SELECT 'bench' || g, '承办人' || g, 'reconsideration_clerk', 'x' FROM generate_series(1, 100) g`,
  );
  await ds.query(
    `INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                        act_known_date, requests, facts_reasons, query_code_hash)
     SELECT gen_random_uuid(), '通复〔2026〕第' || lpad(g::text, 7, '0') || '号', 2026, g, 'accepted', u.ids[1 + g % 100], 'counter',
            now(), 1, 'penalty', '行政处罚决定', '2026-11-01', '请求', '理由', repeat('0', 64)
       FROM generate_series(1, $1::int) g, (SELECT array_agg(id ORDER BY username) AS ids FROM users) u`,
    [n],
  );
  await ds.query(
    `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version)
     SELECT id, 'copy-to-respondent', d - 7, d, 'running', 1 FROM (SELECT id, date '2027-01-04' + (seq % 350) AS d FROM cases) c`,
  );
  await ds.query(
    `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
     SELECT k.id, k.case_id, k.version, CASE WHEN p.off = 1 THEN 'overdue-' || (k.due_date + 1) ELSE p.key END, 'reminder', 'handler',
            (k.due_date + p.off)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '8 hours 30 minutes'
       FROM case_clocks k CROSS JOIN (VALUES ('before-3', -3), ('before-1', -1), ('due', 0), ('overdue', 1)) AS p(key, off)`,
  );
  await ds.query(`RESET synchronous_commit`);
  await ds.query(`ANALYZE`);
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/** Weighted percentile of (value, weight) pairs. */
function percentile(pairs: Array<[number, number]>, p: number): number {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  for (const [v, w] of sorted) if ((acc += w) >= p * total) return v;
  return sorted[sorted.length - 1]?.[0] ?? 0;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

/** Keys and MEMORY USAGE (bytes, all samples) of every key under `${prefix}:`; deletes them if asked. */
async function prefixMemory(redis: Redis, prefix: string, del = false): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
    cursor = next;
    if (!batch.length) continue;
    keys += batch.length;
    if (del) {
      await redis.unlink(...batch);
      continue;
    }
    const p = redis.pipeline();
    for (const k of batch) p.memory('USAGE', k, 'SAMPLES', '0');
    for (const [, v] of (await p.exec())!) bytes += Number(v ?? 0);
  } while (cursor !== '0');
  return { keys, bytes };
}

const MB = (b: number) => Number((b / 1024 / 1024).toFixed(1));

export async function run(): Promise<Record<string, unknown>> {
  const clocks = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
  const dueCount = Number(process.env.BENCH_DUE ?? 10_000);
  const naiveClocks = Math.min(clocks, Number(process.env.BENCH_NAIVE_CLOCKS ?? 100_000));
  const tag = randomBytes(4).toString('hex');
  const prefix = `fuyi-bench-${tag}`;
  const naivePrefix = `fuyi-bench-naive-${tag}`;
  const t0 = process.hrtime.bigint();
  const { url, ds } = await freshBenchDatabase(4);
  const redis = redisConnection(REDIS_URL, { lazyConnect: false });
  const queueRedis = redisConnection(REDIS_URL, { lazyConnect: false });
  const registry = new QueueRegistry(queueRedis, prefix);
  let naiveQueue: Queue | undefined;
  try {
    await load(ds, clocks);
    const loadMs = ms(t0);
    const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM clock_milestones WHERE status = 'pending'`);

    // The scanner as the worker builds it, with the wall clock as its time source, and log-only sms + e-mail deliveries.
    const config = loadConfig({ NODE_ENV: 'test' });
    const time = { now: () => new Date() } as TimeSource;
    const milestones = new MilestoneWriter(time);
    const notifier = Notifier.standalone(ds, config); // the default channels: sms and e-mail
    const calendars = new CalendarService(new UnitOfWork(ds), new AuditService(), new ClockRecomputer(milestones, caseClockMoveListeners(notifier)), config);
    const scanner = new ReminderScanner(new UnitOfWork(ds), calendars, new OutboxService(), time, notifier);

    // Nothing due: what every scan costs between bursts, with all the open clocks' milestones pending.
    const empty: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = process.hrtime.bigint();
      if ((await scanner.scanBatch(1000)) !== 0) throw new Error('nothing should be due yet');
      empty.push(ms(t));
    }

    // 10,000 clocks' 'due' milestones (every hundredth clock) fall due at the same instant, two seconds from now.
    const ids: string[] = (await ds.query(
      `SELECT m.id FROM clock_milestones m JOIN case_clocks k ON k.id = m.clock_id JOIN cases c ON c.id = k.case_id
        WHERE m.key = 'due' AND c.seq % $1 = 0 ORDER BY m.id LIMIT $2`,
      [Math.max(1, Math.floor(clocks / dueCount)), dueCount],
    )).map((r: { id: string }) => r.id);
    const dueAt = new Date(Date.now() + 2_000);
    await ds.query(`UPDATE clock_milestones SET fire_at = $1 WHERE id = ANY($2::bigint[])`, [dueAt, ids]);
    await sleepUntil(dueAt.getTime());

    const committed: Array<[number, number]> = []; // (ms after due when the batch committed, reminders in it)
    let fired = 0;
    for (let n = await scanner.scanBatch(1000); n > 0; n = await scanner.scanBatch(1000)) {
      fired += n;
      committed.push([Date.now() - dueAt.getTime(), n]);
    }
    const dueToAllRecordedMs = Date.now() - dueAt.getTime();
    const [rec] = await ds.query(
      `SELECT count(*)::int AS reminders,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at) * 1000) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at) * 1000) AS p99,
              max(extract(epoch FROM fired_at - due_at) * 1000) AS max
         FROM reminders`,
    );
    const [fan] = await ds.query(
      `SELECT (SELECT count(*) FROM notifications)::int AS notifications, (SELECT count(*) FROM deliveries)::int AS deliveries,
              (SELECT count(*) FROM outbox WHERE sent_at IS NULL)::int AS outbox`,
    );
    if (rec.reminders !== dueCount || fired !== dueCount) throw new Error(`expected ${dueCount} reminders, got ${rec.reminders} (${fired} fired)`);

    // This design's Redis: the worker's four job schedulers, then the burst's jobs relayed from the outbox.
    const before = await usedMemory(redis);
    await registry.get(QueueName.System).upsertJobScheduler('heartbeat', { every: 30_000 }, { name: JobName.Heartbeat, data: {} });
    await registry.get(QueueName.Reminders).upsertJobScheduler('reminder-scan', { every: 5_000 }, { name: JobName.RemindersScan, data: {} });
    await registry.get(QueueName.Notifications).upsertJobScheduler('delivery-sweep', { every: 60_000 }, { name: JobName.NotificationsSweep, data: {} });
    await registry.get(QueueName.Notifications).upsertJobScheduler('daily-digest', { pattern: '0 30 8 * * *', tz: 'Asia/Shanghai' }, { name: JobName.NotificationsDigest, data: {} });
    const schedulersOnly = await prefixMemory(redis, prefix);
    const tRelay = process.hrtime.bigint();
    let relayed = 0;
    for (let n = 1; n > 0; relayed += n) n = await relayOutboxBatch(new UnitOfWork(ds), (rows) => registry.publishOutbox(rows));
    const relayMs = ms(tRelay);
    const after = await usedMemory(redis);
    const ours = await prefixMemory(redis, prefix);

    // Naive baseline: one delayed job per milestone, for naiveClocks clocks.
    naiveQueue = new Queue(QueueName.Reminders, { connection: queueRedis, prefix: naivePrefix, defaultJobOptions: JOB_DEFAULTS });
    const naiveBefore = await usedMemory(redis);
    const tNaive = process.hrtime.bigint();
    let naiveJobs = 0;
    const page = 25_000;
    for (let offset = 0; offset < naiveClocks; offset += page) {
      const rows: Array<{ id: string; clock_id: string; case_id: string; key: string; clock_version: number; fire_at: Date }> = await ds.query(
        `SELECT m.id, m.clock_id, m.case_id, m.key, m.clock_version, m.fire_at
           FROM (SELECT id FROM case_clocks ORDER BY id OFFSET $1 LIMIT $2) k JOIN clock_milestones m ON m.clock_id = k.id`, // all of them: the naive design enqueues every milestone up front
        [offset, Math.min(page, naiveClocks - offset)],
      );
      const now = Date.now();
      for (let i = 0; i < rows.length; i += 1000) {
        await naiveQueue.addBulk(rows.slice(i, i + 1000).map((m) => ({
          name: 'reminders.fire',
          data: { clockId: m.clock_id, caseId: m.case_id, milestoneKey: m.key, clockVersion: m.clock_version },
          // Deterministic id (no ':' in BullMQ 6 custom ids) so that re-planning a clock can find and replace its jobs.
          opts: { jobId: `${m.clock_id}.${m.key}.${m.clock_version}`, delay: Math.max(0, new Date(m.fire_at).getTime() - now) },
        })));
      }
      naiveJobs += rows.length;
    }
    const naiveEnqueueMs = ms(tNaive);
    const naiveAfter = await usedMemory(redis);
    const naive = await prefixMemory(redis, naivePrefix);
    const scale = clocks / naiveClocks;

    const oursBytes = ours.bytes;
    const naiveAtScaleBytes = naive.bytes * scale;
    return {
      openClocks: clocks,
      pendingMilestones: pending,
      milestonesPerClock: MILESTONES_PER_CLOCK,
      loadMs: Math.round(loadMs),
      emptyScanMs: { median: Number(median(empty).toFixed(2)), max: Number(Math.max(...empty).toFixed(2)) },
      dueAtOnce: dueCount,
      remindersRecorded: rec.reminders,
      notifications: fan.notifications,
      deliveries: fan.deliveries,
      scanBatches: committed.length,
      dueToAllRecordedMs,
      firingLatenessMs: { p50: Math.round(rec.p50), p99: Math.round(rec.p99), max: Math.round(rec.max), note: 'reminders.fired_at − due_at; fired_at = the scan batch start' },
      committedLatenessMs: { p50: percentile(committed, 0.5), p99: percentile(committed, 0.99), note: 'due → the reminder\'s transaction committed' },
      redis: {
        design: {
          schedulersOnlyBytes: schedulersOnly.bytes,
          jobsRelayed: relayed,
          relayMs: Math.round(relayMs),
          keys: ours.keys,
          keysBytes: ours.bytes,
          usedMemoryDeltaBytes: after - before,
          note: 'schedulers + the burst\'s jobs in flight; independent of the number of open clocks',
        },
        naive: {
          clocksEnqueued: naiveClocks,
          delayedJobs: naiveJobs,
          enqueueMs: Math.round(naiveEnqueueMs),
          keys: naive.keys,
          keysBytes: naive.bytes,
          usedMemoryDeltaBytes: naiveAfter - naiveBefore,
          extrapolatedTo: clocks,
          extrapolatedKeysBytes: Math.round(naiveAtScaleBytes),
          extrapolatedUsedMemoryBytes: Math.round((naiveAfter - naiveBefore) * scale),
          extrapolatedKeysMB: MB(naiveAtScaleBytes),
          extrapolatedUsedMemoryMB: MB((naiveAfter - naiveBefore) * scale),
          note: `measured at ${naiveClocks} clocks, extrapolated linearly (×${scale}) to ${clocks} clocks`,
        },
        naiveOverDesignRatio: {
          keysBytes: Number((naiveAtScaleBytes / oursBytes).toFixed(1)),
          usedMemory: after - before > 0 ? Number((((naiveAfter - naiveBefore) * scale) / (after - before)).toFixed(1)) : null,
        },
      },
      totalMs: Math.round(ms(t0)),
    };
  } finally {
    await naiveQueue?.close().catch(() => undefined);
    await registry.close().catch(() => undefined);
    await prefixMemory(redis, prefix, true).catch(() => undefined);
    await prefixMemory(redis, naivePrefix, true).catch(() => undefined);
    redis.disconnect();
    queueRedis.disconnect();
    await ds.destroy();
    await dropDatabase(url);
  }
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
}
