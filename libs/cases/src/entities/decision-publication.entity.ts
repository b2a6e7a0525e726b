import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * ARL 79: a decision published to the public, anonymised when written (never a name, ID number, phone, address or
 * plate number: see domain/anonymise.ts). The public list reads only this table. A withdrawal keeps the row with who,
 * when and why; the text is no longer served.
 */
@Entity('decision_publications')
@Index('uq_decision_publications_live', ['caseId'], { unique: true, where: 'withdrawn_at IS NULL' })
@Index('idx_decision_publications_search', ['year', 'respondentDepartmentId'], { where: 'withdrawn_at IS NULL' })
export class DecisionPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'case_number', type: 'varchar', length: 40 })
  caseNumber: string;

  @Column({ name: 'respondent_department_id', type: 'integer' })
  respondentDepartmentId: number;

  @Column({ type: 'varchar', length: 32 })
  category: string;

  @Column({ name: 'decision_type', type: 'varchar', length: 32 })
  decisionType: string;

  /** Year of the decision (its approval), the public list's year filter. */
  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy: string;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;
}
