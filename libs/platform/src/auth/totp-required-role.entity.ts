import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A role whose users must use a second factor (issue 14 item 4), set by the security administrator. A row = required. */
@Entity('totp_required_roles')
export class TotpRequiredRoleEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  role: string;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}
