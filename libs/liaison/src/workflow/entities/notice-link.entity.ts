import { Entity, Index, PrimaryColumn } from 'typeorm';

export type NoticeLinkKind = 'case' | 'consultation';

/** The cases and consultations (applications not yet filed) that motivate a risk notice. */
@Entity('liaison_notice_links')
@Index('idx_liaison_notice_links_subject', ['subjectKind', 'subjectId'])
export class NoticeLinkEntity {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @PrimaryColumn({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind: NoticeLinkKind;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId: string;
}
