import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';
import { Role } from '@fuyi/kernel';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @ForeignKey('townships', { name: 'fk_users_township_id' })
  @Column({ name: 'township_id', type: 'integer', nullable: true })
  townshipId: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The office's section (两科一室: 审理一科, 审理二科, 综合室) for district staff. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  section: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** Set when an administrator creates or resets the account: the user must choose a password at first login. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** TOTP secret (issue 14 item 4), encrypted with FieldCipher; pending until `totpConfirmedAt` is set. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 255, nullable: true })
  totpSecret: string | null;

  @Column({ name: 'totp_confirmed_at', type: 'timestamptz', nullable: true })
  totpConfirmedAt: Date | null;

  /** The last TOTP step accepted: a code of this step or an earlier one is a replay. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
