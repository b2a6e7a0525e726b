import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Running totals for operations metrics (issue 15 item 6), kept by statement-level triggers (migration OpsCounters) so
 * that a scrape reads a few rows instead of counting tables that grow forever and are purged. Sharded: a counter is the
 * sum of its shards, and concurrent writers rarely touch the same row.
 */
@Entity('ops_counters')
export class OpsCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @PrimaryColumn({ type: 'smallint' })
  shard: number;

  @Column({ type: 'bigint', default: 0 })
  value: string;
}
