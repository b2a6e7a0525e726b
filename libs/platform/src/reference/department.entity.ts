import { Column, Entity, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** A respondent (被申请人): a district department or a street/town government. */
@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 128, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'department' | 'township_gov';

  @ForeignKey('townships', { name: 'fk_departments_township_id' })
  @Column({ name: 'township_id', type: 'integer', nullable: true })
  townshipId: number | null;

  /**
   * 上一级主管部门 (e.g. 北京市公安局 for 区公安分局; 区人民政府 for a street/town government): whom ARL 79(2) copies an
   * effective decision or opinion letter to when this department is the respondent. Configured by the administrator.
   */
  @Column({ type: 'varchar', length: 128, nullable: true })
  superior: string | null;
}
