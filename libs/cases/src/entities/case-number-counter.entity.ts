import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-year counter behind gap-free case numbers. */
@Entity('case_number_counters')
export class CaseNumberCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;
}
