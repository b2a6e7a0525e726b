import { Column, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** A party to a mediation file; ID number and phone encrypted (PIPL), the ID number findable by blind index. */
@Entity('mediation_parties')
@Index('idx_mediation_parties_file', ['fileId'])
@Index('idx_mediation_parties_id_index', ['idNumberIndex'])
export class MediationPartyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('mediation_files', { name: 'fk_mediation_parties_file_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'file_id', type: 'uuid' }) fileId: string;
  @Column({ type: 'varchar', length: 16 }) role: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'id_number_enc', type: 'text', nullable: true }) idNumberEnc: string | null;
  @Column({ name: 'id_number_index', type: 'char', length: 64, nullable: true }) idNumberIndex: string | null;
  @Column({ name: 'phone_enc', type: 'text', nullable: true }) phoneEnc: string | null;
  @Column({ type: 'integer', default: 0 }) position: number;
}
