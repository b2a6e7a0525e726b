import type { DataSource } from 'typeorm';
import { execSql } from './sql';

const BATCH = 5000;

/**
 * Deletes the rows of `table` matching `where` in batches of 5,000, each its own short transaction, so that a purge of
 * a year's history never holds long locks or bloats one transaction. `where` is the library's own SQL (never user input);
 * its parameters start at $1. Returns how many rows went.
 */
export async function purgeInBatches(ds: DataSource, table: string, where: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const { affected } = await execSql(ds, `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${where} LIMIT ${BATCH}))`, params);
    total += affected;
    if (affected < BATCH) return total;
  }
}

/** Published outbox rows and answered idempotency keys older than `days` (issue 15 item 6). */
export async function purgePlatformHistory(ds: DataSource, days: number): Promise<Record<string, number>> {
  return {
    outbox: await purgeInBatches(ds, 'outbox', `sent_at < now() - make_interval(days => $1)`, [days]),
    idempotencyKeys: await purgeInBatches(ds, 'idempotency_keys', `status = 'done' AND completed_at < now() - make_interval(days => $1)`, [days]),
  };
}
