import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per non-default day: statutory holiday, make-up workday or office closure (domain.md §5). */
@Entity('calendar_days')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'holiday' | 'workday' | 'closure';

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Calendar version that last set this row. */
  @Column({ type: 'integer' })
  version: number;
}
