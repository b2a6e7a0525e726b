import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';
import type { ClusterKeyKind } from '../domain/cluster-match';

export type ClusterState = 'open' | 'closed' | 'dismissed';

/** 群体性纠纷苗头: records against one respondent about one act, project or place (issue 6, item 4). */
@Entity('group_disputes')
@Index('idx_group_disputes_state', ['state', 'lastOn'])
export class GroupDisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('departments', { name: 'fk_group_disputes_respondent_department_id' })
  @Column({ name: 'respondent_department_id', type: 'integer' })
  respondentDepartmentId: number;

  /** What the members share: a document number, a project name or a place (the key the cluster was founded on). */
  @Column({ name: 'key_kind', type: 'varchar', length: 16 })
  keyKind: ClusterKeyKind;

  @Column({ name: 'key_label', type: 'varchar', length: 200 })
  keyLabel: string;

  @Column({ name: 'first_on', type: 'date' })
  firstOn: string;

  @Column({ name: 'last_on', type: 'date' })
  lastOn: string;

  @Column({ name: 'member_count', type: 'integer' })
  memberCount: number;

  @Column({ name: 'township_ids', type: 'integer', array: true, default: () => "'{}'" })
  townshipIds: number[];

  @Column({ type: 'varchar', length: 16, default: 'open' })
  state: ClusterState;

  /** Member count the liaison officers were last told about: a growing cluster updates its alert, never re-raises it. */
  @Column({ name: 'alerted_count', type: 'integer', default: 0 })
  alertedCount: number;

  @Column({ name: 'alert_notification_ids', type: 'bigint', array: true, default: () => "'{}'" })
  alertNotificationIds: string[];

  /** Set when two clusters turned out to be one group: this one was folded into that one (state closed). */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ name: 'dismissed_by', type: 'uuid', nullable: true })
  dismissedBy: string | null;

  @Column({ name: 'dismissed_reason', type: 'text', nullable: true })
  dismissedReason: string | null;

  @Column({ name: 'dismissed_at', type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
