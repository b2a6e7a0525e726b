import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';
import type { LetterKind, LetterState } from '../domain/letter-state';

/**
 * 意见书 (ARL 76) or 建议书, from a case or on its own. The 60-day feedback due date of an opinion letter is stored
 * here (computed with the opinion-feedback rule), not in case_clocks: a letter need not belong to a case.
 */
@Entity('liaison_letters')
@Index('idx_liaison_letters_case', ['caseId'])
@Index('idx_liaison_letters_due', ['feedbackDue'], { where: "state = 'received'" })
export class LetterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LetterKind;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** The respondent, or the department above it; the office chooses (departments carry no superior link). */
  @ForeignKey('departments', { name: 'fk_liaison_letters_recipient_department_id' })
  @Column({ name: 'recipient_department_id', type: 'integer' })
  recipientDepartmentId: number;

  /** Problems found (存在的问题). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems: string[];

  /** What the recipient should do (意见/建议). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  recommendations: string[];

  @Column({ type: 'varchar', length: 24 })
  state: LetterState;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn: string | null;

  /** ARL 76: 60 days from the recipient's receipt (opinion letters only). */
  @Column({ name: 'feedback_due', type: 'date', nullable: true })
  feedbackDue: string | null;

  @Column({ name: 'feedback_due_provisional', type: 'boolean', default: false })
  feedbackDueProvisional: boolean;

  @Column({ name: 'feedback_due_explanation', type: 'jsonb', nullable: true })
  feedbackDueExplanation: string[] | null;

  @Column({ name: 'feedback_on', type: 'date', nullable: true })
  feedbackOn: string | null;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  /** The corrections the recipient reports having made (整改情况). */
  @Column({ name: 'corrections_reported', type: 'jsonb', nullable: true })
  correctionsReported: string[] | null;

  /** Overdue feedback escalated to the office head, once. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
