import type { DataSource } from 'typeorm';
import { QueueName, type QueueRegistry } from '@fuyi/platform';

/** What PostgreSQL (the source of truth, shared by every worker process) says at scrape time. */
export interface DatabaseReadings {
  remindersFired: number;
  outboxPending: number;
  outboxParked: number;
  /** now − created_at of the oldest unsent, unparked outbox row; 0 when there is none. */
  outboxLagSeconds: number;
  milestonesPendingDue: number;
  deliveries: Record<string, number>;
  lateness: LatenessReadings;
}

export interface LatenessReadings {
  /** Cumulative counts, one per bucket bound (le). */
  buckets: number[];
  count: number;
  sum: number;
}

export const LATENESS_BUCKETS = [1, 5, 15, 60, 300, 900, 3600] as const;
export const LATENESS_WINDOW_HOURS = 24;
export const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueCounts = Record<QueueName, Record<(typeof QUEUE_STATES)[number], number>>;

// Totals come from ops_counters (kept by triggers): no count over tables that grow with time. What is still counted
// is bounded by work in flight (partial indexes on unsent, pending and due rows).
const GAUGES_SQL = `
  SELECT (SELECT coalesce(sum(value), 0) FROM ops_counters WHERE name = 'reminders_fired') AS reminders_fired,
         (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS outbox_pending,
         (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NOT NULL) AS outbox_parked,
         (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS outbox_lag,
         (SELECT count(*) FROM clock_milestones WHERE status = 'pending' AND fire_at <= now()) AS milestones_due,
         jsonb_build_object(
           'pending', (SELECT count(*) FROM deliveries WHERE status = 'pending'),
           'delivered', (SELECT coalesce(sum(value), 0) FROM ops_counters WHERE name = 'deliveries_delivered'),
           'dead', (SELECT coalesce(sum(value), 0) FROM ops_counters WHERE name = 'deliveries_dead')) AS deliveries`;

// One pass over the window: a FILTER per bucket bound gives the cumulative counts Prometheus expects.
const LATENESS_SQL = `
  SELECT count(*) AS count, coalesce(sum(s), 0) AS sum,
         ${LATENESS_BUCKETS.map((_, i) => `count(*) FILTER (WHERE s <= $${i + 2}) AS b${i}`).join(', ')}
    FROM (SELECT extract(epoch FROM fired_at - due_at) AS s FROM reminders WHERE fired_at > now() - make_interval(hours => $1)) r`;

/** Both queries in one read-only snapshot, bounded in time so a slow database cannot hang the scraper. */
export async function readDatabase(ds: DataSource): Promise<DatabaseReadings> {
  return ds.transaction('REPEATABLE READ', async (m) => {
    await m.query(`SET TRANSACTION READ ONLY`);
    await m.query(`SET LOCAL statement_timeout = '5s'`);
    const [g] = await m.query(GAUGES_SQL);
    const [l] = await m.query(LATENESS_SQL, [LATENESS_WINDOW_HOURS, ...LATENESS_BUCKETS]);
    const deliveries: Record<string, number> = { pending: 0, delivered: 0, dead: 0 };
    for (const [status, n] of Object.entries(g.deliveries as Record<string, number | string>)) deliveries[status] = Number(n);
    return {
      remindersFired: Number(g.reminders_fired),
      outboxPending: Number(g.outbox_pending),
      outboxParked: Number(g.outbox_parked),
      outboxLagSeconds: Number(g.outbox_lag),
      milestonesPendingDue: Number(g.milestones_due),
      deliveries,
      lateness: { buckets: LATENESS_BUCKETS.map((_, i) => Number(l[`b${i}`])), count: Number(l.count), sum: Number(l.sum) },
    };
  });
}

export async function readQueues(queues: QueueRegistry, timeoutMs = 3000): Promise<QueueCounts> {
  const entries = Object.values(QueueName).map(async (name) => {
    const counts = await queues.get(name).getJobCounts(...QUEUE_STATES);
    return [name, Object.fromEntries(QUEUE_STATES.map((s) => [s, counts[s] ?? 0]))] as const;
  });
  const all = Promise.all(entries);
  all.catch(() => undefined); // a failure after the timeout has nobody left to hear it; not an unhandled rejection
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return Object.fromEntries(await Promise.race([all, timeout])) as QueueCounts;
  } finally {
    clearTimeout(timer);
  }
}
