import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A street (街道), town (镇) or township (乡): each has a reception sub-centre. */
@Entity('townships')
export class TownshipEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'street' | 'town' | 'township';
}
