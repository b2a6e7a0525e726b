import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, isIsoDate, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { ATTENDANCE_STATUS_LABELS, type AttendanceInput, type AttendanceStatus } from '../domain/attendance';
import { CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { editCase } from './case-edit';
import { writeAttendance } from './attendance.writer';

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
    const [c] = await this.ds.query('SELECT c.id, d.name AS respondent FROM cases c JOIN departments d ON d.id = c.respondent_department_id WHERE c.id = $1', [caseId]);
    if (!c) throw CaseErrors.notFound();
    const hearings = await this.ds.query(
      `SELECT id, kind, held_on, place, status, panel, notice_sent_on, minutes IS NOT NULL AS has_minutes FROM case_hearings WHERE case_id = $1 ORDER BY held_on, created_at`,
      [caseId],
    );
    const rows = await this.ds.query(
      `SELECT a.hearing_id, a.party_id, a.side, a.status, a.represented_by, a.head_attended, a.head_name, p.name
         FROM case_hearing_attendance a LEFT JOIN case_parties p ON p.id = a.party_id WHERE a.case_id = $1 ORDER BY a.side, p.position`,
      [caseId],
    );
    const status = (s: AttendanceStatus) => ({ status: s, statusLabel: ATTENDANCE_STATUS_LABELS[s] });
    const items = hearings.map((h: any) => {
      const mine = rows.filter((r: any) => r.hearing_id === h.id);
      const resp = mine.find((r: any) => r.side === 'respondent');
      return {
        id: h.id, kind: h.kind, kindLabel: HEARING_KIND_LABELS[h.kind], heldOn: h.held_on, place: h.place, status: h.status,
        panel: h.panel, noticeSentOn: h.notice_sent_on, hasMinutes: h.has_minutes, attendanceRecorded: mine.length > 0,
        attendance: mine.length ? {
          parties: mine.filter((r: any) => r.side !== 'respondent').map((r: any) => ({ partyId: r.party_id, name: r.name, role: r.side, ...status(r.status), representedBy: r.represented_by })),
          respondent: resp ? { name: c.respondent, ...status(resp.status), representedBy: resp.represented_by, headAttended: resp.head_attended, headName: resp.head_name } : null,
        } : null,
      };
    });
    return {
      caseId, respondent: c.respondent, hearings: items,
      respondentHeadAttended: rows.some((r: any) => r.side === 'respondent' && r.head_attended),
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
    const rows: any[] = await this.ds.query(
      `SELECT to_char(h.held_on, $3) AS period, count(*)::int AS held,
              count(*) FILTER (WHERE h.kind = 'formal')::int AS formal_hearings, count(*) FILTER (WHERE h.kind = 'listening')::int AS listening_sessions,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM case_hearing_attendance x WHERE x.hearing_id = h.id))::int AS without_attendance,
              count(r.id)::int AS respondent_recorded,
              count(*) FILTER (WHERE r.status = 'attended')::int AS respondent_attended,
              count(*) FILTER (WHERE r.status = 'represented')::int AS respondent_represented,
              count(*) FILTER (WHERE r.status = 'absent')::int AS respondent_absent,
              count(*) FILTER (WHERE r.head_attended)::int AS head_attended,
              coalesce(sum(p.attended), 0)::int AS parties_attended, coalesce(sum(p.represented), 0)::int AS parties_represented,
              coalesce(sum(p.absent), 0)::int AS parties_absent
         FROM case_hearings h
         LEFT JOIN case_hearing_attendance r ON r.hearing_id = h.id AND r.side = 'respondent'
         LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE a.status = 'attended') AS attended, count(*) FILTER (WHERE a.status = 'represented') AS represented,
                                   count(*) FILTER (WHERE a.status = 'absent') AS absent
                              FROM case_hearing_attendance a WHERE a.hearing_id = h.id AND a.side <> 'respondent') p ON true
        WHERE h.status = 'held' AND h.held_on BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY 1`,
      [from, to, PERIOD_FORMATS[by]],
    );
    const periods = rows.map((r) => toCounts(r, r.period));
    const total = toCounts(Object.fromEntries(COUNT_FIELDS.map((f) => [f, rows.reduce((n, r) => n + r[f], 0)])), null);
    return { from, to, by, periods, total };
  }
}

const COUNT_FIELDS = ['held', 'formal_hearings', 'listening_sessions', 'without_attendance', 'respondent_recorded', 'respondent_attended',
  'respondent_represented', 'respondent_absent', 'head_attended', 'parties_attended', 'parties_represented', 'parties_absent'] as const;

function toCounts(r: Record<string, number>, period: string | null) {
  const camel = (s: string) => s.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
  const c = Object.fromEntries(COUNT_FIELDS.map((f) => [camel(f), r[f]])) as Record<string, number>;
  return {
    ...(period ? { period } : {}), ...c,
    // 负责人参加率: hearings where the respondent's head took part ÷ hearings with the respondent's attendance recorded.
    headParticipationRate: c.respondentRecorded ? Math.round((c.headAttended / c.respondentRecorded) * 1000) / 1000 : null,
  };
}
