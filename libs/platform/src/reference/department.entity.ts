import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A respondent (被申请人): a district department or a street/town government. */
@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 128, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'department' | 'township_gov';

  @Column({ name: 'township_id', type: 'integer', nullable: true })
  townshipId: number | null;
}
