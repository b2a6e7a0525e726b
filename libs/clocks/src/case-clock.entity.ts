import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';

export type ClockStatus = 'running' | 'paused' | 'met' | 'missed' | 'cancelled';

/** A statutory clock of a case, kept in the same transaction as the event that moves it. */
// Work-view indexes created by migration WorkViewIndexes (partial, expression and trigram indexes TypeORM cannot
// describe); synchronize: false tells the schema builder they are managed by the migration, not to be dropped.
@Entity('case_clocks')
@Index('idx_clocks_extended', { synchronize: false })
@Index('idx_clocks_open_case_due', { synchronize: false })
@Index('idx_clocks_open_due_case', { synchronize: false })
@Index('idx_clocks_paused', { synchronize: false })
// Drill-down lists of the per-clock statistics (migration ClockStatisticsRollup, read by libs/statistics).
@Index('idx_clocks_rule_closed', { synchronize: false })
@Index('idx_clocks_open_rule_due', { synchronize: false })
@Index('idx_clocks_case', ['caseId'])
@Index('uq_clocks_open_rule', ['caseId', 'rule'], { unique: true, where: `status IN ('running', 'paused')` })
@Index('idx_clocks_open_due', ['dueDate'], { where: `status IN ('running', 'paused')` })
export class CaseClockEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('cases', { name: 'fk_case_clocks_case_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 32 })
  rule: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 16 })
  status: ClockStatus;

  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  explanation: string[];

  @Column({ name: 'calendar_version', type: 'integer' })
  calendarVersion: number;

  /** [{ from, to? }]: pauses so far (an open one while paused). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  suspensions: Array<{ from: string; to?: string }>;

  @Column({ name: 'extension_days', type: 'integer', default: 0 })
  extensionDays: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
