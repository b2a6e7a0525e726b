import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentData, DocumentOwnerKind, DocumentType } from '../domain/document-types';

/**
 * An issued document, immutable: the app role may not UPDATE or DELETE these rows (migration Documents), so a
 * correction is a new row, the next version of the same type for the case, with its own number.
 */
@Entity('case_documents')
@Index('uq_case_documents_number', ['type', 'year', 'seq'], { unique: true })
@Index('uq_case_documents_version', ['ownerKind', 'ownerId', 'type', 'version'], { unique: true })
@Index('idx_case_documents_case', ['caseId'])
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What the document belongs to: a case, a mediation file, a risk notice or a letter. */
  @Column({ name: 'owner_kind', type: 'varchar', length: 16 })
  ownerKind: DocumentOwnerKind;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** The reconsideration case it also belongs to (its timeline and document list), if any. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 40 })
  type: DocumentType;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  seq: number;

  /** 通复受字〔2026〕第12号 */
  @Column({ type: 'text' })
  number: string;

  /** The title as printed, so the file keeps its name even if the template's title is edited later. */
  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16, default: 'issued' })
  status: 'issued';

  /** The .docx as issued. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  /** The placeholder values printed: names and dates, never ID numbers, phones or addresses. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: DocumentData;
}
