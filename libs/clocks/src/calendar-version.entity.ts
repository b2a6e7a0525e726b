import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Each change of the calendar is a new version: who, why, and exactly which days changed. */
@Entity('calendar_versions')
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
