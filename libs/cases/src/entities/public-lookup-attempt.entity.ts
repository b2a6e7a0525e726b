import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Public status lookups counted per typed case number and per client address, both hashed (queries/public-lookup-throttle.ts). */
@Entity('public_lookup_attempts')
export class PublicLookupAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'window_start', type: 'timestamptz', default: () => 'now()' })
  windowStart: Date;

  @Column({ name: 'next_allowed_at', type: 'timestamptz', default: () => 'now()' })
  nextAllowedAt: Date;
}
