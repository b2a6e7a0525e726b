import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One material of a case file (or of a mediation file, risk notice, letter); the bytes live in the blob store by hash. */
@Entity('stored_files')
@Index('idx_stored_files_owner', ['ownerType', 'ownerId'])
@Index('idx_stored_files_sha256', ['sha256'])
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_type', type: 'varchar', length: 16 })
  ownerType: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Who handed it in (a party, the respondent department, the office): a name, never an ID number. */
  @Column({ name: 'submitted_by', type: 'varchar', length: 100 })
  submittedBy: string;

  /** The day it was received: may be a paper receipt's date, never in the future. */
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ name: 'scan_state', type: 'varchar', length: 16 })
  scanState: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
