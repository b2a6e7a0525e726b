import { OpsReadings, QueueName, type QueueRegistry, type UnitOfWork } from '@fuyi/platform';

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

/** The gauges and the lateness histogram in one read-only snapshot, bounded in time so a slow database cannot hang the scraper. */
export async function readDatabase(uow: UnitOfWork): Promise<DatabaseReadings> {
  return uow.snapshot(async (m) => {
    await OpsReadings.readOnlyWithTimeout(m, 5);
    const g = await OpsReadings.opsGauges(m);
    const l = await OpsReadings.reminderLateness(m, LATENESS_WINDOW_HOURS, LATENESS_BUCKETS);
    const deliveries: Record<string, number> = { pending: 0, delivered: 0, dead: 0 };
    for (const [status, n] of Object.entries(g.deliveries)) deliveries[status] = Number(n);
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
