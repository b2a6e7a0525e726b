import type { UnitOfWork } from '../database/unit-of-work';
import * as Outbox from './outbox.store';

export type OutboxRow = Outbox.OutboxJobRow;

export type Publish = (rows: OutboxRow[]) => Promise<void>;

/** After this many failed publications a row is parked: kept for an operator, no longer blocking the rows behind it. */
export const OUTBOX_MAX_ATTEMPTS = 10;

/**
 * Claims unsent rows with FOR UPDATE SKIP LOCKED (several relays never publish the same row at once),
 * publishes them with jobId = outbox id (a repeat after a crash is harmless), then marks them sent
 * in the same transaction. A failed publication is counted on the rows (attempts, last_error) and
 * rethrown; rows that keep failing are parked. Returns how many rows were relayed.
 */
export async function relayOutboxBatch(uow: UnitOfWork, publish: Publish, batchSize = 500): Promise<number> {
  let failed: { ids: string[]; error: Error } | undefined = undefined as { ids: string[]; error: Error } | undefined;
  const sent = await uow.run(async (manager) => {
    const rows = await Outbox.claimUnsent(manager, batchSize);
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
    await Outbox.markSent(
      manager,
      ok.map((r) => r.id),
    );
    return ok.length;
  });
  if (failed) {
    const { ids, error } = failed;
    await uow.read((m) => Outbox.recordFailedPublication(m, ids, error.message, OUTBOX_MAX_ATTEMPTS));
    throw failed.error;
  }
  return sent;
}
