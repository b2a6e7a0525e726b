import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Hearing, JudgmentKind } from '../domain/litigation';

/**
 * 行政应诉: a lawsuit the applicant brought after reconsideration (ALL 45), or one against the district government or
 * one of its departments without a reconsideration case (origin 'direct'), followed by the liaison officers with the
 * defendant's defence period (ALL 67) and the head's appearance in court (ALL 3).
 */
@Entity('liaison_lawsuits')
@Index('idx_liaison_lawsuits_case', ['caseId'])
@Index('idx_liaison_lawsuits_defence_due', ['defenceDue'], { where: 'defence_submitted_on IS NULL' })
@Index('uq_liaison_lawsuits_court_number', ['court', 'courtCaseNumber'], { unique: true })
export class LawsuitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The reconsideration case; null for a suit recorded without one (origin 'direct'). */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 24, default: 'after_reconsideration' })
  origin: 'after_reconsideration' | 'direct';

  /** A direct suit's defendant department; null there means the district government itself. */
  @Column({ name: 'defendant_department_id', type: 'integer', nullable: true })
  defendantDepartmentId: number | null;

  /** 原告 (names only) and the act sued (被诉行政行为) of a direct suit; a case's lawsuit takes both from the case. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  plaintiffs: string[];

  @Column({ type: 'text', nullable: true })
  act: string | null;

  /** ALL 67: the defendant received the copy of the complaint; its 15-day defence period starts. */
  @Column({ name: 'complaint_received_on', type: 'date', nullable: true })
  complaintReceivedOn: string | null;

  @Column({ name: 'defence_due', type: 'date', nullable: true })
  defenceDue: string | null;

  @Column({ name: 'defence_due_provisional', type: 'boolean', default: false })
  defenceDueProvisional: boolean;

  @Column({ name: 'defence_due_explanation', type: 'jsonb', nullable: true })
  defenceDueExplanation: string[] | null;

  @Column({ name: 'defence_submitted_on', type: 'date', nullable: true })
  defenceSubmittedOn: string | null;

  @Column({ type: 'varchar', length: 100 })
  court: string;

  /** 法院案号, e.g. （2026）京0112行初123号. */
  @Column({ name: 'court_case_number', type: 'varchar', length: 64 })
  courtCaseNumber: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  /** ALL 26(2): derived from the case's decision (upheld, incl. request rejected), never typed. */
  @Column({ name: 'co_defendant', type: 'boolean' })
  coDefendant: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  hearings: Hearing[];

  /** 负责人出庭应诉 at any hearing (kept with the hearings for the annual statistics). */
  @Column({ name: 'head_appeared', type: 'boolean', default: false })
  headAppeared: boolean;

  @Column({ name: 'judgment_kind', type: 'varchar', length: 24, nullable: true })
  judgmentKind: JudgmentKind | null;

  @Column({ name: 'judgment_on', type: 'date', nullable: true })
  judgmentOn: string | null;

  @Column({ name: 'judgment_summary', type: 'text', nullable: true })
  judgmentSummary: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
