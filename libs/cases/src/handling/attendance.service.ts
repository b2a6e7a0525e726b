import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, isIsoDate, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { ATTENDANCE_STATUS_LABELS, type AttendanceInput, type AttendanceStatus } from '../domain/attendance';
import { CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { editCase } from './case-edit';
import { writeAttendance } from './attendance.writer';
import * as Hearings from '../stores/hearings.store';

/** Attendance may be recorded (or corrected) from acceptance until the file is archived. */
const RECORDABLE = [CaseState.Accepted, CaseState.Suspended, CaseState.DecisionPending, CaseState.Decided, CaseState.Served, CaseState.Terminated, CaseState.Mediated];
const HEARING_KIND_LABELS: Record<string, string> = { listening: '听取意见', formal: '听证' };
const PERIOD_FORMATS = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' } as const;
export type AttendancePeriod = keyof typeof PERIOD_FORMATS;

/** Attendance at hearings (ARL 49-51), the case's participation read model and the counts the statistics use. */
@Injectable()
export class AttendanceService {
  constructor(private readonly ds: DataSource, private readonly audit: AuditService, private readonly time: TimeSource) {}

  async record(m: EntityManager, actor: Actor, caseId: string, hearingId: string, v: { version: number } & AttendanceInput) {
    const c = await editCase(m, this.audit, {
      caseId, expectedVersion: v.version, actor, allowed: RECORDABLE, event: 'hearing_attendance_recorded', data: { hearingId }, what: '登记出席情况',
    });
    const summary = await writeAttendance(m, actor, caseId, hearingId, v, shanghaiDate(this.time.now()));
    return { caseId, version: c.version, hearingId, ...summary };
  }

  /** GET /cases/:id/participation: hearings with who attended, and whether the respondent's head ever took part. */
  async participation(caseId: string) {
    const c = await Hearings.caseRespondent(this.ds, caseId);
    if (!c) throw CaseErrors.notFound();
    const hearings = await Hearings.hearingsOfCase(this.ds, caseId);
    const rows = await Hearings.attendanceOfCase(this.ds, caseId);
    const status = (s: AttendanceStatus) => ({ status: s, statusLabel: ATTENDANCE_STATUS_LABELS[s] });
    const items = hearings.map((h) => {
      const mine = rows.filter((r) => r.hearing_id === h.id);
      const resp = mine.find((r) => r.side === 'respondent');
      return {
        id: h.id, kind: h.kind, kindLabel: HEARING_KIND_LABELS[h.kind], heldOn: h.held_on, place: h.place, status: h.status,
        panel: h.panel, noticeSentOn: h.notice_sent_on, hasMinutes: h.has_minutes, attendanceRecorded: mine.length > 0,
        attendance: mine.length ? {
          parties: mine.filter((r) => r.side !== 'respondent').map((r) => ({ partyId: r.party_id, name: r.name, role: r.side, ...status(r.status as AttendanceStatus), representedBy: r.represented_by })),
          respondent: resp ? { name: c.respondent, ...status(resp.status as AttendanceStatus), representedBy: resp.represented_by, headAttended: resp.head_attended, headName: resp.head_name } : null,
        } : null,
      };
    });
    return {
      caseId, respondent: c.respondent, hearings: items,
      respondentHeadAttended: rows.some((r) => r.side === 'respondent' && r.head_attended),
    };
  }

  /**
   * Held hearings per period (by the day held): how many, with the respondent accounted for, attended, represented,
   * absent, and with its head in person (负责人参加听证/听取意见); the parties' attendance likewise. The head's
   * participation rate is over the hearings whose respondent attendance was recorded.
   */
  async counts(from: string, to: string, by: AttendancePeriod = 'month') {
    if (!isIsoDate(from) || !isIsoDate(to)) throw CaseErrors.invalid(isIsoDate(from) ? 'to' : 'from', '日期格式应为 YYYY-MM-DD');
    if (from > to) throw CaseErrors.invalid('from', '统计期间起始日期不能晚于截止日期');
    if (!PERIOD_FORMATS[by]) throw new DomainError('CASE_INVALID_INPUT', '统计周期应为 month、quarter 或 year', 'invalid', { fields: [{ field: 'by', message: '应为 month、quarter 或 year' }] });
    const rows = await Hearings.attendanceCounts(this.ds, from, to, PERIOD_FORMATS[by]);
    const periods = rows.map((r) => toCounts(r, r.period));
    const total = toCounts(Object.fromEntries(COUNT_FIELDS.map((f) => [f, rows.reduce((n, r) => n + r[f], 0)])) as Record<CountField, number>, null);
    return { from, to, by, periods, total };
  }
}

const COUNT_FIELDS = Hearings.ATTENDANCE_COUNT_FIELDS;

type CountField = (typeof COUNT_FIELDS)[number];

function toCounts(r: Record<CountField, number>, period: string | null) {
  const camel = (s: string) => s.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
  const c = Object.fromEntries(COUNT_FIELDS.map((f) => [camel(f), r[f]])) as Record<string, number>;
  return {
    ...(period ? { period } : {}), ...c,
    // 负责人参加率: hearings where the respondent's head took part ÷ hearings with the respondent's attendance recorded.
    headParticipationRate: c.respondentRecorded ? Math.round((c.headAttended / c.respondentRecorded) * 1000) / 1000 : null,
  };
}
