import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { DomainError, shanghaiDate } from '@fuyi/kernel';
import { computeDeadline, remainingWorkingDays, type RuleId, type WorkingCalendar } from '@fuyi/deadlines';
import { execSql } from '@fuyi/platform';
import { CalendarService } from './calendar.service';
import { computeClock } from './clock-math';
import { lockCalendarShared } from './calendar-lock';
import { MilestoneWriter } from './milestone-writer';

type Suspension = { from: string; to?: string };

export interface ClockView {
  id: string;
  rule: string;
  start: string;
  due: string;
  status: string;
  provisional: boolean;
  explanation: string[];
  calendarVersion: number;
  closedOn: string | null;
  suspensions: Array<{ from: string; to?: string }>;
  extensionDays: number;
}

/** A clock as the case's clocks endpoint shows it: with the working days left (red-yellow-green badge), while it runs. */
export interface CaseClockView extends ClockView {
  /** Working days from today (Asia/Shanghai) to the due date, negative once past; null once the clock has ended. */
  remainingWorkingDays: number | null;
}

/** Starts and closes a case's clocks inside the caller's transaction (the event and its clock move together). */
@Injectable()
export class ClockService {
  constructor(private readonly ds: DataSource, private readonly calendars: CalendarService, private readonly milestones: MilestoneWriter) {}

  async start(m: EntityManager, caseId: string, rule: RuleId, start: string): Promise<ClockView> {
    return (await this.startMany(m, caseId, [{ rule, start }]))[0];
  }

  /**
   * Starts several clocks of one event with one calendar lookup and one insert. A clock given `closedOn` is recorded
   * already ended on that day (met, or missed when after its due date), e.g. the application period (ARL 20), which
   * the receipt of the application itself ends.
   */
  async startMany(m: EntityManager, caseId: string, clocks: Array<{ rule: RuleId; start: string; closedOn?: string; suspensions?: Suspension[] }>): Promise<ClockView[]> {
    await lockCalendarShared(m);
    const calendar = await this.calendars.current(m);
    const results = clocks.map((c) => computeClock(calendar, { rule: c.rule, start_date: c.start, suspensions: c.suspensions ?? [], extension_days: 0 }));
    const rows = await m.query(
      `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, provisional, explanation, calendar_version, closed_on, suspensions)
       SELECT $1, rule, start_date, due_date, CASE WHEN closed_on IS NULL THEN 'running' WHEN closed_on > due_date THEN 'missed' ELSE 'met' END,
              provisional, explanation, $6, closed_on, suspensions
         FROM unnest($2::text[], $3::date[], $4::date[], $5::boolean[], $7::jsonb[], $8::date[], $9::jsonb[]) AS t(rule, start_date, due_date, provisional, explanation, closed_on, suspensions)
       RETURNING *`,
      [caseId, clocks.map((c) => c.rule), clocks.map((c) => c.start), results.map((r) => r.due), results.map((r) => r.provisional),
        calendar.version, results.map((r) => JSON.stringify(r.explanation)), clocks.map((c) => c.closedOn ?? null),
        clocks.map((c) => JSON.stringify(c.suspensions ?? []))],
    );
    await this.milestones.planNew(m, calendar, rows);
    const byRule = new Map<string, any>(rows.map((r: any) => [r.rule, r]));
    return clocks.map((c) => toView(byRule.get(c.rule)));
  }

  /**
   * Meets (or, if late, misses) or cancels the open clock of a rule; no open clock is a no-op. A paused clock's open
   * suspension ends on the closing day (a closed case is no longer suspended, e.g. mediated or terminated meanwhile).
   */
  async close(m: EntityManager, caseId: string, rule: RuleId, on: string, outcome: 'met' | 'cancelled'): Promise<void> {
    await lockCalendarShared(m);
    const { rows } = await execSql(
      m,
      `UPDATE case_clocks SET status = CASE WHEN $4 = 'cancelled' THEN 'cancelled' WHEN $3::date > due_date THEN 'missed' ELSE 'met' END,
              suspensions = (SELECT coalesce(jsonb_agg(CASE WHEN s ? 'to' THEN s ELSE s || jsonb_build_object('to', $3::text) END ORDER BY i), '[]'::jsonb)
                               FROM jsonb_array_elements(suspensions) WITH ORDINALITY AS x(s, i)),
              closed_on = $3, version = version + 1, updated_at = now()
        WHERE case_id = $1 AND rule = $2 AND status IN ('running', 'paused') RETURNING id`,
      [caseId, rule, on, outcome],
    );
    if (rows.length) await this.milestones.replace(m, await this.calendars.current(m), rows.map((r) => r.id));
  }

  /** Suspension (e.g. ARL 39): the clock pauses from `from`; its due date is projected as if it resumed today. */
  pause(m: EntityManager, caseId: string, rule: RuleId, from: string): Promise<ClockView> {
    return this.mutate(m, caseId, rule, (c) => {
      if (c.status === 'paused') throw new DomainError('CLOCK_ALREADY_PAUSED', '该期限已处于中止状态', 'conflict');
      if (from < c.start_date) throw new DomainError('CLOCK_PAUSE_BEFORE_START', '中止日期不能早于期限起算日', 'invalid', { fields: [{ field: 'from', message: '中止日期不能早于期限起算日' }] });
      return { ...c, status: 'paused', suspensions: [...c.suspensions, { from }] };
    });
  }

  /** Resumption: the days from the suspension to the day before resumption are not counted (domain.md §4). */
  resume(m: EntityManager, caseId: string, rule: RuleId, on: string): Promise<ClockView> {
    return this.mutate(m, caseId, rule, (c) => {
      const open = c.suspensions.find((s: Suspension) => !s.to);
      if (c.status !== 'paused' || !open) throw new DomainError('CLOCK_NOT_PAUSED', '该期限未处于中止状态', 'conflict');
      if (on < open.from) throw new DomainError('CLOCK_RESUME_BEFORE_PAUSE', '恢复日期不能早于中止日期', 'invalid');
      return { ...c, status: 'running', suspensions: c.suspensions.map((s: Suspension) => (s === open ? { ...s, to: on } : s)) };
    });
  }

  /**
   * ARL 62(1): "情况复杂，不能在规定期限内作出行政复议决定的，经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；
   * 但是延长期限最多不得超过三十日" (ordinary procedure only; ARL 62(2) gives the simplified procedure none). The cap is
   * the engine's; a single extension is domain.md policy, since the 30 days are a total.
   */
  extend(m: EntityManager, caseId: string, rule: RuleId, days: number): Promise<ClockView> {
    return this.mutate(m, caseId, rule, (c) => {
      if (c.extension_days > 0) throw new DomainError('CLOCK_ALREADY_EXTENDED', '该期限已延长过一次，不能再次延长', 'conflict');
      return { ...c, extension_days: days };
    });
  }

  /**
   * The due date of a case's open clock as it stands on `on` (an open suspension counted up to that day), or null
   * when no clock of the rule is open. For checks like ARL 62: an extension only while the period runs.
   */
  async dueOn(m: EntityManager, caseId: string, rule: RuleId, on: string): Promise<{ due: string; suspensions: Suspension[] } | null> {
    const [row] = await m.query(`SELECT * FROM case_clocks WHERE case_id = $1 AND rule = $2 AND status IN ('running','paused')`, [caseId, rule]);
    if (!row) return null;
    const open = row.suspensions.find((s: Suspension) => !s.to);
    const asOf = open && on > open.from ? on : open?.from;
    const r = computeDeadline(
      { rule, start: row.start_date, suspensions: row.suspensions, extensionDays: row.extension_days || undefined, asOf },
      await this.calendars.current(m), { explain: false },
    );
    return { due: r.due, suspensions: row.suspensions };
  }

  /** Loads the open clock under a row lock, applies the change, recomputes with the current calendar, writes it back. */
  private async mutate(m: EntityManager, caseId: string, rule: RuleId, change: (c: any) => any): Promise<ClockView> {
    await lockCalendarShared(m);
    const [row] = await m.query(`SELECT * FROM case_clocks WHERE case_id = $1 AND rule = $2 AND status IN ('running','paused') FOR UPDATE`, [caseId, rule]);
    if (!row) throw new DomainError('CLOCK_NOT_RUNNING', '该期限未在计算中', 'conflict');
    const next = change(row);
    const calendar = await this.calendars.current(m);
    const r = computeClock(calendar, next); // validates: the engine rejects extensions beyond the rule's cap
    const [updated] = (await execSql(
      m,
      `UPDATE case_clocks SET status = $2, suspensions = $3, extension_days = $4, due_date = $5, provisional = $6, explanation = $7,
              calendar_version = $8, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [row.id, next.status, JSON.stringify(next.suspensions), next.extension_days, r.due, r.provisional, JSON.stringify(r.explanation), calendar.version],
    )).rows;
    await this.milestones.replace(m, calendar, [row.id]);
    return toView(updated);
  }

  /** The working-day calendar the clocks are counted on (current version), e.g. for a period in years (CPL 85). */
  calendar(m: EntityManager): Promise<WorkingCalendar> {
    return this.calendars.current(m);
  }

  /** The case's clocks, with the same working-day count as the work lists (@fuyi/deadlines remainingWorkingDays). */
  async forCase(caseId: string, now = new Date()): Promise<CaseClockView[]> {
    const rows = await this.ds.query('SELECT * FROM case_clocks WHERE case_id = $1 ORDER BY start_date, rule', [caseId]);
    const calendar = await this.calendars.current();
    const today = shanghaiDate(now);
    return rows.map((r: any) => ({
      ...toView(r),
      remainingWorkingDays: r.status === 'running' || r.status === 'paused' ? remainingWorkingDays(calendar, today, r.due_date) : null,
    }));
  }

}

function toView(r: any): ClockView {
  return {
    id: r.id, rule: r.rule, start: r.start_date, due: r.due_date, status: r.status, provisional: r.provisional,
    explanation: r.explanation, calendarVersion: r.calendar_version, closedOn: r.closed_on,
    suspensions: r.suspensions, extensionDays: r.extension_days,
  };
}
