import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the periodic detection job has read each record table, by (created_at, id): Redis may lose jobs, this stays. */
@Entity('group_dispute_watermarks')
export class DetectionWatermarkEntity {
  @PrimaryColumn({ name: 'record_kind', type: 'varchar', length: 16 })
  recordKind: string;

  @Column({ name: 'last_created_at', type: 'timestamptz' })
  lastCreatedAt: Date;

  @Column({ name: 'last_id', type: 'uuid' })
  lastId: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
