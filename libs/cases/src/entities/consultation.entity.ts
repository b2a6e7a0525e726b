import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

/** 咨询登记: a consultation at a township counter. */
@Entity('consultations')
@Index('idx_consultations_township', ['townshipId', 'consultedAt'])
// Group-dispute detection (migration GroupDisputes).
@Index('idx_consultations_respondent_at', ['respondentDepartmentId', 'consultedAt'])
@Index('idx_consultations_created', ['createdAt', 'id'])
@Index('idx_consultations_case', ['caseId'])
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('townships', { name: 'fk_consultations_township_id' })
  @Column({ name: 'township_id', type: 'integer' })
  townshipId: number;

  @ForeignKey('users', { name: 'fk_consultations_clerk_id' })
  @Column({ name: 'clerk_id', type: 'uuid' })
  clerkId: string;

  @Column({ name: 'consulted_at', type: 'timestamptz' })
  consultedAt: Date;

  @Column({ name: 'visitor_name', type: 'varchar', length: 100 })
  visitorName: string;

  @Column({ name: 'visitor_phone_enc', type: 'text', nullable: true })
  visitorPhoneEnc: string | null;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'varchar', length: 32 })
  category: string;

  @ForeignKey('departments', { name: 'fk_consultations_respondent_department_id' })
  @Column({ name: 'respondent_department_id', type: 'integer', nullable: true })
  respondentDepartmentId: number | null;

  @Column({ type: 'text' })
  advice: string;

  /** Project and place of the disputed act (the land or structure, never a person's address): group-dispute detection. */
  @Column({ name: 'act_project', type: 'varchar', length: 100, nullable: true })
  actProject: string | null;

  @Column({ name: 'act_place', type: 'varchar', length: 200, nullable: true })
  actPlace: string | null;

  @Column({ name: 'application_followed', type: 'boolean', default: false })
  applicationFollowed: boolean;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Set by the mediation centre (migration MediationFixes): the ARL 20 application-period warning of a pre-filing mediation. */
  @Column({ name: 'mediation_warning', type: 'jsonb', nullable: true })
  mediationWarning: { code: string; message: string; on: string } | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
