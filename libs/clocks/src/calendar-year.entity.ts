import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Years whose official arrangement is loaded; dates in other years are provisional. */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ type: 'integer' })
  version: number;
}
