import type { DataSource } from 'typeorm';

export interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
}

export type Publish = (rows: OutboxRow[]) => Promise<void>;

/** After this many failed publications a row is parked: kept for an operator, no longer blocking the rows behind it. */
export const OUTBOX_MAX_ATTEMPTS = 10;

/**
 * Claims unsent rows with FOR UPDATE SKIP LOCKED (several relays never publish the same row at once),
 * publishes them with jobId = outbox id (a repeat after a crash is harmless), then marks them sent
 * in the same transaction. A failed publication is counted on the rows (attempts, last_error) and
 * rethrown; rows that keep failing are parked. Returns how many rows were relayed.
 */
export async function relayOutboxBatch(ds: DataSource, publish: Publish, batchSize = 500): Promise<number> {
  let failed: { ids: string[]; error: Error } | undefined = undefined as { ids: string[]; error: Error } | undefined;
  const sent = await ds.transaction(async (manager) => {
    const rows: OutboxRow[] = await manager.query(
      `SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batchSize],
    );
    if (!rows.length) return 0;
    let ok = rows;
    try {
      await publish(rows);
    } catch {
      // Find the culprit: one by one (jobId = outbox id, so re-adding the ones that did go through is harmless).
      ok = [];
      for (const row of rows) {
        try {
          await publish([row]);
          ok.push(row);
        } catch (error) {
          failed ??= { ids: [], error: error as Error };
          failed.ids.push(row.id);
        }
      }
    }
    await manager.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [ok.map((r) => r.id)]);
    return ok.length;
  });
  if (failed) {
    await ds.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = left($2, 2000),
              parked_at = CASE WHEN attempts + 1 >= $3 THEN now() END WHERE id = ANY($1::bigint[])`,
      [failed.ids, failed.error.message, OUTBOX_MAX_ATTEMPTS],
    );
    throw failed.error;
  }
  return sent;
}
