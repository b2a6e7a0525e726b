import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A later version of an issued document (issue 18 item 6): its signed and sealed scan, or a corrected file, uploaded as
 * the document's next version. Version 1 is the .docx as issued (case_documents); uploads are 2, 3, … The bytes are a
 * stored file (libs/files, owner type `case-document`); this row records which file and by whom. Immutable.
 */
@Entity('case_document_versions')
@Index('uq_case_document_versions_version', ['documentId', 'version'], { unique: true })
export class CaseDocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('case_documents', { name: 'fk_case_document_versions_document_id' })
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'integer' })
  version: number;

  /** 'signed': the signed and sealed scan; 'corrected': a corrected file of the same document (same number). */
  @Column({ type: 'varchar', length: 16 })
  reason: string;

  /** The stored_files row (libs/files) holding the bytes. */
  @Column({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @ForeignKey('users', { name: 'fk_case_document_versions_uploaded_by' })
  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}
