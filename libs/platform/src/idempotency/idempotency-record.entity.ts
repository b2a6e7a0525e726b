import { Column, CreateDateColumn, Entity, PrimaryColumn, ForeignKey } from 'typeorm';

/** One row per (user, scope, Idempotency-Key): the request's fingerprint and, once done, its answer. */
@Entity('idempotency_keys')
export class IdempotencyRecordEntity {
  @ForeignKey('users', { name: 'fk_idempotency_keys_user_id' })
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'in_flight' | 'done';

  /** Which request holds the claim: a request whose claim was taken over can no longer complete it. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken: string | null;

  /** The stored answer, encrypted: it may hold the applicant's query code or personal data. */
  @Column({ name: 'response_enc', type: 'text', nullable: true })
  responseEnc: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
