import { rawExec, rawRows, type SqlRunner } from '../database/typed-sql';

/**
 * What the metrics scrape reads from PostgreSQL (the source of truth, shared by every worker process). Totals come
 * from ops_counters (kept by triggers): no count over tables that grow with time. What is still counted is bounded by
 * work in flight (partial indexes on unsent, pending and due rows). Reads only, across the tables the counters watch.
 */

/** Makes the caller's transaction read-only with a statement timeout, so a slow database cannot hang the scraper. */
export async function readOnlyWithTimeout(m: SqlRunner, timeoutSeconds: number): Promise<void> {
  await rawExec(m, `SET TRANSACTION READ ONLY`);
  await rawExec(m, `SET LOCAL statement_timeout = '${Math.floor(timeoutSeconds)}s'`);
}

/** Counts: uncast count(*) and sum(bigint) are strings; extract(epoch) a numeric (string). */
export interface OpsGauges {
  reminders_fired: string;
  outbox_pending: string;
  outbox_parked: string;
  outbox_lag: string;
  milestones_due: string;
  deliveries: Record<string, number | string>;
}

/** The gauges of one scrape, in one statement. */
export async function opsGauges(m: SqlRunner): Promise<OpsGauges> {
  const [row] = await rawRows<OpsGauges>(
    m,
    `SELECT (SELECT coalesce(sum(value), 0) FROM ops_counters WHERE name = 'reminders_fired') AS reminders_fired,
            (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS outbox_pending,
            (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NOT NULL) AS outbox_parked,
            (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS outbox_lag,
            (SELECT count(*) FROM clock_milestones WHERE status = 'pending' AND fire_at <= now()) AS milestones_due,
            jsonb_build_object(
              'pending', (SELECT count(*) FROM deliveries WHERE status = 'pending'),
              'delivered', (SELECT coalesce(sum(value), 0) FROM ops_counters WHERE name = 'deliveries_delivered'),
              'dead', (SELECT coalesce(sum(value), 0) FROM ops_counters WHERE name = 'deliveries_dead')) AS deliveries`,
  );
  return row!;
}

/** Cumulative counts per bucket bound (b0, b1, …), total count and sum (all strings, uncast aggregates). */
export type LatenessRow = { count: string; sum: string } & Record<`b${number}`, string>;

/**
 * Reminder firing lateness (fired_at − due_at, seconds) over the last `windowHours`: one pass, a FILTER per bucket
 * bound giving the cumulative counts Prometheus expects.
 */
export async function reminderLateness(m: SqlRunner, windowHours: number, buckets: readonly number[]): Promise<LatenessRow> {
  const [row] = await rawRows<LatenessRow>(
    m,
    `SELECT count(*) AS count, coalesce(sum(s), 0) AS sum,
            ${buckets.map((_, i) => `count(*) FILTER (WHERE s <= $${i + 2}) AS b${i}`).join(', ')}
       FROM (SELECT extract(epoch FROM fired_at - due_at) AS s FROM reminders WHERE fired_at > now() - make_interval(hours => $1)) r`,
    [windowHours, ...buckets],
  );
  return row!;
}
