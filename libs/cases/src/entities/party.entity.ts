import { Column, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

export type PartyRole = 'applicant' | 'agent' | 'third_party';
export type PartyKind = 'person' | 'organisation';

/** A party to a case. ID number, phone and address are stored encrypted (PIPL); the ID is findable by blind index. */
// Work-view indexes created by migration WorkViewIndexes (partial, expression and trigram indexes TypeORM cannot
// describe); synchronize: false tells the schema builder they are managed by the migration, not to be dropped.
@Entity('case_parties')
@Index('idx_parties_applicant_name_trgm', { synchronize: false })
// Repeat applications by an organisation (statistics, migration StatisticsRollup): partial index on the credit code.
@Index('idx_parties_credit_code', { synchronize: false })
@Index('idx_parties_case', ['caseId'])
@Index('idx_parties_id_index', ['idNumberIndex'], { where: 'id_number_index IS NOT NULL' })
export class PartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('cases', { name: 'fk_case_parties_case_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 16 })
  role: PartyRole;

  @Column({ type: 'varchar', length: 16 })
  kind: PartyKind;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'id_number_enc', type: 'text', nullable: true })
  idNumberEnc: string | null;

  @Column({ name: 'id_number_index', type: 'char', length: 64, nullable: true })
  idNumberIndex: string | null;

  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc: string | null;

  @Column({ name: 'address_enc', type: 'text', nullable: true })
  addressEnc: string | null;

  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ name: 'legal_representative', type: 'varchar', length: 50, nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
