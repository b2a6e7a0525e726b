import { Column, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** The case timeline: one row per thing that happened, in order. Never personal data in `data`. */
@Entity('case_events')
@Index('idx_case_events_case', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @ForeignKey('cases', { name: 'fk_case_events_case_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 48 })
  type: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;
}
