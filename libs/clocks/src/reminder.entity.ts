import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A fired milestone, recorded once: the unique key makes a second firing (another worker, a retry) a no-op. */
@Entity('reminders')
@Index('uq_reminders_key', ['clockId', 'milestoneKey', 'clockVersion'], { unique: true })
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

  /** When it was meant to fire; fired_at − due_at is the firing lateness. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', default: () => 'now()' })
  firedAt: Date;
}
