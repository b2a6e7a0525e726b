import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AttendanceStatus } from '../domain/attendance';

/**
 * Who took part in a held hearing (听取意见 or 听证): one row per applicant or third party accounted for, and one for the
 * respondent (party_id null) with whether its head (负责人) took part in person. Replaced as a whole when corrected.
 */
@Entity('case_hearing_attendance')
@Index('idx_hearing_attendance_hearing', ['hearingId'])
@Index('idx_hearing_attendance_case', ['caseId'])
@Index('uq_hearing_attendance_party', ['hearingId', 'partyId'], { unique: true, where: 'party_id IS NOT NULL' })
@Index('uq_hearing_attendance_respondent', ['hearingId'], { unique: true, where: `side = 'respondent'` })
export class CaseHearingAttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'hearing_id', type: 'uuid' })
  hearingId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The applicant or third party; null for the respondent. */
  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @Column({ type: 'varchar', length: 16 })
  side: 'applicant' | 'third_party' | 'respondent';

  @Column({ type: 'varchar', length: 16 })
  status: AttendanceStatus;

  @Column({ name: 'represented_by', type: 'varchar', length: 100, nullable: true })
  representedBy: string | null;

  /** Respondent only: its head (负责人) took part in person. */
  @Column({ name: 'head_attended', type: 'boolean', nullable: true })
  headAttended: boolean | null;

  @Column({ name: 'head_name', type: 'varchar', length: 100, nullable: true })
  headName: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
