import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Login attempts per typed username (known or not), counted before the password is checked (issue 14 item 2).
 * Keyed by a SHA-256 of the name: what was typed may be a password entered in the wrong field. In Postgres, so a
 * lock survives a restart and is shared by every api process.
 */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryColumn({ name: 'username_key', type: 'varchar', length: 64 })
  usernameKey: string;

  /** Attempts in the current window, the one being checked included. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'window_start', type: 'timestamptz', default: () => 'now()' })
  windowStart: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
