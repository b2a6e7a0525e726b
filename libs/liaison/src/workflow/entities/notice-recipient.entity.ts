import { Column, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/**
 * One department a risk notice goes to. Its response due date is stored here, not in case_clocks: those clocks
 * belong to reconsideration cases, and a notice need not have one.
 */
@Entity('liaison_notice_recipients')
@Index('uq_liaison_notice_recipient', ['noticeId', 'departmentId'], { unique: true })
@Index('idx_liaison_notice_recipients_due', ['dueOn'], { where: 'response_on IS NULL' })
export class NoticeRecipientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ForeignKey('departments', { name: 'fk_liaison_notice_recipients_department_id' })
  @Column({ name: 'department_id', type: 'integer' })
  departmentId: number;

  @Column({ name: 'sent_on', type: 'date', nullable: true })
  sentOn: string | null;

  /**
   * Day zero of the response period: the day this department received the notice (有关部门收到之日). Until it
   * acknowledges, the sending day is assumed (notices are delivered by hand the same day); its 签收 date replaces it.
   */
  @Column({ name: 'due_from', type: 'date', nullable: true })
  dueFrom: string | null;

  /** Response due: dueFrom + the notice's working days (@fuyi/deadlines rule risk-notice-response). */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  /** The due date depends on a year whose holiday arrangement is not published (domain.md §4). */
  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional: boolean;

  @Column({ name: 'due_explanation', type: 'jsonb', nullable: true })
  dueExplanation: string[] | null;

  @Column({ name: 'acknowledged_on', type: 'date', nullable: true })
  acknowledgedOn: string | null;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'response_on', type: 'date', nullable: true })
  responseOn: string | null;
}
