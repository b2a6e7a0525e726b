import { Column, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

export type MilestoneKind = 'reminder' | 'effect';
export type MilestoneStatus = 'pending' | 'fired' | 'cancelled';

/**
 * A moment at which a running clock must tell someone something (a reminder) or cause a legal effect
 * (e.g. ARL 30 deemed acceptance). Postgres is the source of truth; Redis only carries the work it triggers.
 * Pending milestones of a clock are replaced in the same transaction as any change of the clock.
 */
@Entity('clock_milestones')
@Index('idx_milestones_due', ['fireAt'], { where: `status = 'pending'` })
@Index('idx_milestones_clock', ['clockId'])
export class ClockMilestoneEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @ForeignKey('case_clocks', { name: 'fk_clock_milestones_clock_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'clock_id', type: 'uuid' })
  clockId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The clock's version when planned: a reminder is unique per (clock, key, version). */
  @Column({ name: 'clock_version', type: 'integer' })
  clockVersion: number;

  /** e.g. 'before-3', 'due', 'overdue-2026-11-27', 'effect'. */
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MilestoneKind;

  @Column({ name: 'recipient_role', type: 'varchar', length: 32 })
  recipientRole: string;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: MilestoneStatus;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt: Date | null;
}
