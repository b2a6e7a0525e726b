import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A fired milestone, recorded once: the unique key (clock, milestone, recipient role, clock version) makes a second firing a no-op. */
@Entity('reminders')
@Index('uq_reminders_key', ['clockId', 'milestoneKey', 'recipientRole', 'clockVersion'], { unique: true })
@Index('idx_reminders_fired', ['firedAt'])
@Index('idx_reminders_milestone', ['milestoneId'])
export class ReminderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'milestone_id', type: 'bigint' })
  milestoneId: string;

  @Column({ name: 'clock_id', type: 'uuid' })
  clockId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'milestone_key', type: 'varchar', length: 40 })
  milestoneKey: string;

  @Column({ name: 'clock_version', type: 'integer' })
  clockVersion: number;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** Part of the unique key: one clock's '1 working day before' may go to the handler and to the section chief. */
  @Column({ name: 'recipient_role', type: 'varchar', length: 32, default: 'handler' })
  recipientRole: string;

  /** When it was meant to fire; fired_at − due_at is the firing lateness. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', default: () => 'now()' })
  firedAt: Date;
}
