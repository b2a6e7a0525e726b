import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';
import type { MediationState } from '../domain/mediation-state';

/**
 * 调解案件. The mediation due date lives on this row, computed with the deadlines engine: case_clocks belong to
 * reconsideration cases only (a pre-filing file has no case), and an accepted case's mediation period is its
 * recorded suspension (ARL 39(1)(6)) on the case's own decision clock.
 */
@Entity('mediation_files')
@Index('idx_mediation_files_state', ['state', 'createdAt'])
@Index('idx_mediation_files_case', ['caseId'])
@Index('idx_mediation_files_created', ['createdAt'])
export class MediationFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 24 }) state: MediationState;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'varchar', length: 16 }) source: string;
  @Column({ type: 'varchar', length: 24 }) category: string;
  @ForeignKey('townships', { name: 'fk_mediation_files_township_id' })
  @Column({ name: 'township_id', type: 'integer', nullable: true }) townshipId: number | null;
  @Column({ name: 'respondent_department_id', type: 'integer', nullable: true }) respondentDepartmentId: number | null;
  @Column({ name: 'consultation_id', type: 'uuid', nullable: true }) consultationId: string | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ name: 'court_reference', type: 'varchar', length: 100, nullable: true }) courtReference: string | null;
  @Column({ name: 'applicant_wants', type: 'text' }) applicantWants: string;
  /** Before filing: when the applicant learned of the act, and the ARL 20 application deadline it gives. */
  @Column({ name: 'act_known_date', type: 'date', nullable: true }) actKnownDate: string | null;
  @Column({ name: 'application_due', type: 'date', nullable: true }) applicationDue: string | null;
  @Column({ name: 'taken_on', type: 'date', nullable: true }) takenOn: string | null;
  @Column({ name: 'mediation_due', type: 'date', nullable: true }) mediationDue: string | null;
  @Column({ name: 'extension_days', type: 'integer', default: 0 }) extensionDays: number;
  /** ARL 39(1)(6): the consented suspension of the linked case, when there is one. */
  @Column({ name: 'case_suspended_from', type: 'date', nullable: true }) caseSuspendedFrom: string | null;
  /** The due date the daily scan last warned the mediators about (once per due date). */
  @Column({ name: 'due_warned_for', type: 'date', nullable: true }) dueWarnedFor: string | null;
  /** The due date the scan last said had passed (a separate notice from the 3-day warning). */
  @Column({ name: 'overdue_warned_for', type: 'date', nullable: true }) overdueWarnedFor: string | null;
  /** Before filing (ARL 20): when the scan gave the notice 3 days before the application deadline, and on it. */
  @Column({ name: 'application_soon_noticed_on', type: 'date', nullable: true }) applicationSoonNoticedOn: string | null;
  @Column({ name: 'application_due_noticed_on', type: 'date', nullable: true }) applicationDueNoticedOn: string | null;
  /** In-window referral: when the scan told the mediators the case had been (deemed) accepted (ARL 30). */
  @Column({ name: 'case_accepted_noticed_on', type: 'date', nullable: true }) caseAcceptedNoticedOn: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) warnings: Array<{ code: string; message: string; on: string }>;
  @Column({ type: 'varchar', length: 24, nullable: true }) outcome: string | null;
  @Column({ name: 'outcome_on', type: 'date', nullable: true }) outcomeOn: string | null;
  @Column({ name: 'outcome_detail', type: 'jsonb', nullable: true }) outcomeDetail: Record<string, unknown> | null;
  @Column({ name: 'follow_up', type: 'jsonb', nullable: true }) followUp: { checkOn: string; performed: boolean; result: string } | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
