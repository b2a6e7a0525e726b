import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CopyReportState, CopySource } from '../domain/copy-report';

/**
 * 抄告 (ARL 79(2)): an effective decision or opinion letter of a case against a district department, copied to that
 * department's superior. One row per copied document (the case for a decision, the letter for an opinion letter),
 * created when it takes effect; issued with a 抄告函 from the templates, or pending with the reason.
 */
@Entity('liaison_copy_reports')
@Index('uq_liaison_copy_reports_source', ['sourceKind', 'sourceId'], { unique: true })
@Index('idx_liaison_copy_reports_case', ['caseId'])
@Index('idx_liaison_copy_reports_pending', ['createdAt'], { where: `state = 'pending'` })
export class CopyReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'source_kind', type: 'varchar', length: 16 })
  sourceKind: CopySource;

  /** The case (decision) or the letter (opinion letter). */
  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  /** The issued document copied (决定书 or 意见书), once known. */
  @Column({ name: 'source_document_id', type: 'uuid', nullable: true })
  sourceDocumentId: string | null;

  @Column({ name: 'respondent_department_id', type: 'integer' })
  respondentDepartmentId: number;

  /** 上一级主管部门 as configured when the copy was issued. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  superior: string | null;

  /** The day the copied document took legal effect. */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ type: 'varchar', length: 16 })
  state: CopyReportState;

  @Column({ name: 'pending_reason', type: 'text', nullable: true })
  pendingReason: string | null;

  /** The 抄告函 issued. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
