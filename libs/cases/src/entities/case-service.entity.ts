import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** 送达: one row per party served with the decision (or closing document), by which method and when. */
@Entity('case_services')
@Index('uq_case_services_party', ['caseId', 'partyId'], { unique: true })
export class CaseServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('cases', { name: 'fk_case_services_case_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @Column({ type: 'varchar', length: 16 })
  method: string;

  @Column({ name: 'served_on', type: 'date' })
  servedOn: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
