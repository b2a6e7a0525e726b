import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/**
 * A mediation session: joint (minutes visible to the linked case's handlers) or private 背对背 (notes visible only
 * to the mediators on the file).
 */
@Entity('mediation_sessions')
@Index('idx_mediation_sessions_file', ['fileId', 'scheduledAt'])
export class MediationSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('mediation_files', { name: 'fk_mediation_sessions_file_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'file_id', type: 'uuid' }) fileId: string;
  @Column({ type: 'varchar', length: 16 }) kind: 'joint' | 'private';
  @Column({ type: 'varchar', length: 16 }) mode: 'in_person' | 'video';
  @Column({ type: 'varchar', length: 200 }) place: string;
  @Column({ name: 'scheduled_at', type: 'timestamptz' }) scheduledAt: Date;
  @Column({ type: 'jsonb', default: () => "'[]'" }) participants: Array<{ name: string; role: string }>;
  @Column({ type: 'jsonb', nullable: true }) attendance: Array<{ name: string; present: boolean }> | null;
  @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Column({ type: 'varchar', length: 16, default: 'scheduled' }) status: 'scheduled' | 'held';
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
