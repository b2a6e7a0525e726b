import { Column, Entity, PrimaryColumn, ForeignKey } from 'typeorm';

/** A mediator of the centre: category skills, the coordinator flag and the links that make them stand aside. */
@Entity('mediator_profiles')
export class MediatorProfileEntity {
  @ForeignKey('users', { name: 'fk_mediator_profiles_user_id' })
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) skills: string[];
  @Column({ name: 'is_coordinator', type: 'boolean', default: false }) isCoordinator: boolean;
  @Column({ name: 'conflict_department_ids', type: 'jsonb', default: () => "'[]'" }) conflictDepartmentIds: number[];
  /** Blind indexes (never the ID numbers themselves) of people the mediator is related to. */
  @Column({ name: 'conflict_party_indexes', type: 'jsonb', default: () => "'[]'" }) conflictPartyIndexes: string[];
  @Column({ name: 'conflict_party_names', type: 'jsonb', default: () => "'[]'" }) conflictPartyNames: string[];
  @Column({ type: 'integer', default: 1 }) version: number;
}
