import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per type and year counter behind gap-free document numbers (…〔2026〕第N号). */
@Entity('document_counters')
export class DocumentCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  type: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;
}
