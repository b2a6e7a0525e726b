import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Reminder milestones per rule ('*' = any rule without its own row) and recipient role: working-day offsets
 * from the due date (-3 = three working days before, 0 = the due day), and whether to remind every working day while overdue.
 */
@Entity('reminder_policies')
export class ReminderPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  rule: string;

  @PrimaryColumn({ name: 'recipient_role', type: 'varchar', length: 32 })
  recipientRole: string;

  @Column({ type: 'jsonb' })
  offsets: number[];

  @Column({ name: 'overdue_daily', type: 'boolean', default: true })
  overdueDaily: boolean;
}
