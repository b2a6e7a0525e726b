import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LiaisonReminderSubject = 'notice-recipient' | 'letter' | 'lawsuit-defence';

/** One row per subject and milestone (before-3, due, overdue): the periodic scan fires each at most once. */
@Entity('liaison_reminders')
@Index('uq_liaison_reminders_key', ['subjectKind', 'subjectId', 'milestone'], { unique: true })
export class LiaisonReminderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 24 })
  subjectKind: LiaisonReminderSubject;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 16 })
  milestone: string;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt: Date;
}
