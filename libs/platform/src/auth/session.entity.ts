import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** A login session: access tokens name it, so logout or deactivation ends it at once. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_sessions_user')
  @ForeignKey('users', { name: 'fk_sessions_user_id' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** SHA-256 of the current refresh token; rotated on every refresh. */
  @Column({ name: 'refresh_hash', type: 'varchar', length: 64 })
  refreshHash: string;

  /** Hashes of refresh tokens already rotated away: presenting one again is a replay and ends the session. */
  @Column({ name: 'used_refresh_hashes', type: 'text', array: true, default: () => "'{}'" })
  usedRefreshHashes: string[];

  /** Why the session ended early: logout, deactivation, refresh_reuse. */
  @Column({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true })
  revokedReason: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
