import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, ForeignKey } from 'typeorm';
import { CaseState } from '../domain/case-state';

export type Channel = 'counter' | 'oral' | 'post' | 'online';
export type Procedure = 'ordinary' | 'simplified';

// Work-view indexes created by migration WorkViewIndexes (partial, expression and trigram indexes TypeORM cannot
// describe); synchronize: false tells the schema builder they are managed by the migration, not to be dropped.
@Entity('cases')
@Index('idx_cases_open_filters', { synchronize: false })
@Index('idx_cases_open', { synchronize: false })
@Index('idx_cases_receipt', { synchronize: false })
@Index('idx_cases_intake_queue', ['state', 'receiptAt'])
@Index('idx_cases_township', ['townshipId', 'receiptAt'])
// Group-dispute detection (migration GroupDisputes): candidates by respondent and date, new records by creation order.
@Index('idx_cases_respondent_receipt', ['respondentDepartmentId', 'receiptAt'])
@Index('idx_cases_created', ['createdAt', 'id'])
@Index('uq_cases_year_seq', ['year', 'seq'], { unique: true })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_number', type: 'varchar', length: 40, unique: true })
  caseNumber: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  state: CaseState;

  /** Optimistic concurrency: every transition is UPDATE … WHERE version = expected. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  procedure: Procedure | null;

  @Column({ name: 'simplified_reason', type: 'text', nullable: true })
  simplifiedReason: string | null;

  /** Receiving counter; null = received at the district office. */
  @ForeignKey('townships', { name: 'fk_cases_township_id' })
  @Column({ name: 'township_id', type: 'integer', nullable: true })
  townshipId: number | null;

  @ForeignKey('users', { name: 'fk_cases_registered_by' })
  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** The counter's stamped receipt time: the acceptance clock starts here (ARL 30), not at data entry. */
  @Column({ name: 'receipt_at', type: 'timestamptz' })
  receiptAt: Date;

  @ForeignKey('departments', { name: 'fk_cases_respondent_department_id' })
  @Column({ name: 'respondent_department_id', type: 'integer' })
  respondentDepartmentId: number;

  @Column({ type: 'varchar', length: 32 })
  category: string;

  @Column({ name: 'act_type', type: 'varchar', length: 64 })
  actType: string;

  @Column({ name: 'act_document_number', type: 'varchar', length: 100, nullable: true })
  actDocumentNumber: string | null;

  @Column({ name: 'act_date', type: 'date', nullable: true })
  actDate: string | null;

  @Column({ name: 'act_known_date', type: 'date' })
  actKnownDate: string;

  /** Project and place of the disputed act (the land or structure, never a person's address): group-dispute detection. */
  @Column({ name: 'act_project', type: 'varchar', length: 100, nullable: true })
  actProject: string | null;

  @Column({ name: 'act_place', type: 'varchar', length: 200, nullable: true })
  actPlace: string | null;

  @Column({ type: 'text' })
  requests: string;

  @Column({ name: 'facts_reasons', type: 'text' })
  factsReasons: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials: Array<{ name: string; copies: number }>;

  @Column({ name: 'query_code_hash', type: 'char', length: 64 })
  queryCodeHash: string;

  /** 承办人: the handler responsible (the accepting clerk until the office assigns one). */
  @ForeignKey('users', { name: 'fk_cases_handler_id' })
  @Column({ name: 'handler_id', type: 'uuid', nullable: true })
  handlerId: string | null;

  @Column({ name: 'review_outcome', type: 'jsonb', nullable: true })
  reviewOutcome: Record<string, unknown> | null;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  /** The decision (ARL 63-72): type, reasoning summary, approval; set on submission, completed on approval. */
  @Column({ type: 'jsonb', nullable: true })
  decision: Record<string, unknown> | null;

  /** How the case ended other than by decision: termination (ARL 41) or mediation settlement (ARL 73). */
  @Column({ type: 'jsonb', nullable: true })
  closure: Record<string, unknown> | null;

  /** Anonymised decision text published under ARL 79. */
  @Column({ name: 'published_text', type: 'text', nullable: true })
  publishedText: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
