import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NoticeState } from '../domain/risk-notice-state';

/** 风险提示函: sent to departments when a problem may grow into group litigation or petitions (domain.md §1). */
@Entity('liaison_risk_notices')
@Index('idx_liaison_risk_notices_state', ['state', 'createdAt'])
@Index('idx_liaison_risk_notices_cluster', ['clusterId'])
export class RiskNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The risk found (风险情况), in the officer's words; names and dates only, no ID numbers or phones. */
  @Column({ type: 'text' })
  summary: string;

  /** Why it may escalate (群诉群访, major social impact…), one item per line of the notice. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: string[];

  /** Measures the office suggests to the departments. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  suggestions: string[];

  /** Response period in working days (policy: AppConfig.riskNoticeResponseDays unless the officer sets one). */
  @Column({ name: 'response_days', type: 'integer' })
  responseDays: number;

  @Column({ type: 'varchar', length: 16 })
  state: NoticeState;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The group-dispute cluster the notice was drafted from (its suggested notice), if any; only an open one is accepted. */
  @ForeignKey('group_disputes', { name: 'fk_liaison_risk_notices_cluster_id' })
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  /** The office head's reason when the draft was sent back. */
  @Column({ name: 'rejection_note', type: 'text', nullable: true })
  rejectionNote: string | null;

  @Column({ name: 'sent_on', type: 'date', nullable: true })
  sentOn: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
