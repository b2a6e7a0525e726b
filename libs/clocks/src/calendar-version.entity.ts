import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Each change of the calendar is a new version: who, why, and exactly which days changed. */
@Entity('calendar_versions')
@Index('idx_calendar_versions_owed', ['version'], { where: 'recomputed_at IS NULL' })
export class CalendarVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ type: 'text' })
  reason: string;

  /** [{ date, before, after }] with before/after = { kind, name } or null. */
  @Column({ type: 'jsonb' })
  changes: Array<Record<string, unknown>>;

  @Column({ name: 'clocks_recomputed', type: 'integer', default: 0 })
  clocksRecomputed: number;

  /** The span of days the change touched: open clocks spanning it are recomputed (issue 15 item 7). */
  @Column({ name: 'recompute_from', type: 'date', nullable: true })
  recomputeFrom: string | null;

  @Column({ name: 'recompute_to', type: 'date', nullable: true })
  recomputeTo: string | null;

  /** When its open clocks were all recomputed; null while that is still owed. */
  @Column({ name: 'recomputed_at', type: 'timestamptz', nullable: true })
  recomputedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
