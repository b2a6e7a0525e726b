import type { DataSource } from 'typeorm';

export interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
}

export type Publish = (rows: OutboxRow[]) => Promise<void>;

/**
 * Claims unsent rows with FOR UPDATE SKIP LOCKED (several relays never publish the same row at once),
 * publishes them with jobId = outbox id (a repeat after a crash is harmless), then marks them sent
 * in the same transaction. Returns how many rows were relayed.
 */
export async function relayOutboxBatch(ds: DataSource, publish: Publish, batchSize = 500): Promise<number> {
  return ds.transaction(async (manager) => {
    const rows: OutboxRow[] = await manager.query(
      `SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batchSize],
    );
    if (!rows.length) return 0;
    await publish(rows);
    await manager.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [
      rows.map((r) => r.id),
    ]);
    return rows.length;
  });
}
