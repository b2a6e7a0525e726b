import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordKind } from '../domain/cluster-match';

/** A record in a cluster, with the reason (in Chinese, for the liaison officer) why it is in. */
@Entity('group_dispute_members')
@Index('uq_group_dispute_members_record', ['recordKind', 'recordId', 'clusterId'], { unique: true })
@Index('idx_group_dispute_members_cluster', ['clusterId', 'recordOn'])
export class GroupDisputeMemberEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @Column({ name: 'record_kind', type: 'varchar', length: 16 })
  recordKind: RecordKind;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  /** Receipt date of an application, date of a consultation (Asia/Shanghai). */
  @Column({ name: 'record_on', type: 'date' })
  recordOn: string;

  @Column({ name: 'township_id', type: 'integer', nullable: true })
  townshipId: number | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;
}
