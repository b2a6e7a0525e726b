import { rawExec, rawRows, type RowOf, type SqlRunner } from '../database/typed-sql';

/**
 * The outbox table (jobs recorded in the domain's transaction, published to BullMQ by the worker's relay), typed through
 * the generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

/** A job as the relay publishes it (payload: the job's data object). */
export type OutboxJobRow = RowOf<'outbox', 'id' | 'queue' | 'job_name'> & { payload: Record<string, unknown> };

export async function insertJob(m: SqlRunner, queue: string, jobName: string, payload: unknown): Promise<void> {
  await rawExec(m, 'INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)', [queue, jobName, payload]);
}

/** Many jobs in one statement (a reminder scan may publish thousands); payloads as JSON text. */
export async function insertJobs(m: SqlRunner, queues: string[], jobNames: string[], payloads: string[]): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO outbox (queue, job_name, payload) SELECT q, n, p FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS t(q, n, p)`,
    [queues, jobNames, payloads],
  );
}

/** Unsent, unparked rows in order, locked; rows another relay holds are skipped. */
export function claimUnsent(m: SqlRunner, batchSize: number): Promise<OutboxJobRow[]> {
  return rawRows<OutboxJobRow>(
    m,
    `SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [batchSize],
  );
}

export async function markSent(m: SqlRunner, ids: string[]): Promise<void> {
  await rawExec(m, 'UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [ids]);
}

/** Counts a failed publication on the rows; a row reaching `maxAttempts` is parked. */
export async function recordFailedPublication(m: SqlRunner, ids: string[], message: string, maxAttempts: number): Promise<void> {
  await rawExec(
    m,
    `UPDATE outbox SET attempts = attempts + 1, last_error = left($2, 2000),
              parked_at = CASE WHEN attempts + 1 >= $3 THEN now() END WHERE id = ANY($1::bigint[])`,
    [ids, message, maxAttempts],
  );
}
