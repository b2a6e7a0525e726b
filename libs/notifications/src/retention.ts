import type { DataSource } from 'typeorm';
import { purgeInBatches } from '@fuyi/platform';

/** Deliveries that reached their end (delivered or dead) more than `days` ago (issue 15 item 6); pending ones stay. */
export function purgeDeliveryHistory(ds: DataSource, days: number): Promise<number> {
  return purgeInBatches(ds, 'deliveries', `status IN ('delivered', 'dead') AND updated_at < now() - make_interval(days => $1)`, [days]);
}
