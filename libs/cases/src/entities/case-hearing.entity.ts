import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, ForeignKey } from 'typeorm';

export type HearingKind = 'listening' | 'formal';

/** 听取意见 (ARL 49, mandatory in the ordinary procedure) or 听证 (ARL 50-51, a panel and 5 days' written notice). */
@Entity('case_hearings')
@Index('idx_case_hearings_case', ['caseId'])
@Index('idx_case_hearings_held', ['heldOn'], { where: `status = 'held'` })
export class CaseHearingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('cases', { name: 'fk_case_hearings_case_id', deferrable: 'INITIALLY DEFERRED' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: HearingKind;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  /** { presiding, officers[], clerk } for a formal hearing. */
  @Column({ type: 'jsonb', nullable: true })
  panel: { presiding: string; officers: string[]; clerk: string } | null;

  @Column({ name: 'notice_sent_on', type: 'date', nullable: true })
  noticeSentOn: string | null;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status: 'scheduled' | 'held' | 'cancelled';

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
