import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

export type ApprovalRequestKind = 'extension' | 'termination';
/** cancelled: the case was decided or closed while the request was pending. */
export type ApprovalRequestStatus = 'pending' | 'approved' | 'returned' | 'cancelled';

/**
 * What a handler submits for the office head's approval besides the decision (which has its own stage): an extension
 * of the decision period (ARL 62) or a termination (ARL 41). Four eyes: the approver is never the submitter.
 */
@Entity('case_approval_requests')
@Index('idx_case_approval_requests_case', ['caseId', 'submittedAt'])
// At most one request of each kind awaits approval on a case.
@Index('uq_case_approval_requests_pending', ['caseId', 'kind'], { unique: true, where: `status = 'pending'` })
export class CaseApprovalRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('cases', { name: 'fk_case_approval_requests_case_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ApprovalRequestKind;

  /** extension: { days, reason }; termination: { ground, reason }. Never personal data. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ApprovalRequestStatus;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why the office head returned it. */
  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;
}
