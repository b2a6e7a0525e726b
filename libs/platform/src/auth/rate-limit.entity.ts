import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Request counts of the rate limits (login, refresh, public lookup), shared by every api process (issue 14 item 12):
 * one fixed window per throttler key (a hash of route and client address, never the address itself).
 */
@Entity('rate_limits')
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
