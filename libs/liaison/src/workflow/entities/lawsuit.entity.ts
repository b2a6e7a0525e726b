import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Hearing, JudgmentKind } from '../domain/litigation';

/** 行政应诉: a lawsuit the applicant brought after reconsideration (ALL 45), followed by the liaison officers. */
@Entity('liaison_lawsuits')
@Index('idx_liaison_lawsuits_case', ['caseId'])
@Index('uq_liaison_lawsuits_court_number', ['court', 'courtCaseNumber'], { unique: true })
export class LawsuitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

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
