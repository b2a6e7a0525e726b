import { Column, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** Who mediates a file, with history: an assignment ends on objection (reason recorded), failure or closing. */
@Entity('mediation_assignments')
@Index('idx_mediation_assignments_file', ['fileId'])
@Index('idx_mediation_assignments_mediator', ['mediatorId', 'endedAt'])
export class MediationAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('mediation_files', { name: 'fk_mediation_assignments_file_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'file_id', type: 'uuid' }) fileId: string;
  @ForeignKey('users', { name: 'fk_mediation_assignments_mediator_id' })
  @Column({ name: 'mediator_id', type: 'uuid' }) mediatorId: string;
  @Column({ name: 'assigned_by', type: 'uuid' }) assignedBy: string;
  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' }) assignedAt: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true }) endReason: string | null;
  /** A party's objection: which side objected and why. */
  @Column({ type: 'jsonb', nullable: true }) objection: { partyRole: string; reason: string } | null;
}
