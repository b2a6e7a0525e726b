import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate } from '@fuyi/kernel';
import { computeDeadline, remainingWorkingDays, type RuleId, type WorkingCalendar } from '@fuyi/deadlines';
import { TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService } from './calendar.service';
import { computeClock } from './clock-math';
import { lockCalendarShared } from './calendar-lock';
import { MilestoneWriter } from './milestone-writer';
import * as Clocks from './stores/clocks.store';

type Suspension = Clocks.Suspension;
type ClockRow = Clocks.ClockRow;

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
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarService,
    private readonly milestones: MilestoneWriter,
    private readonly time: TimeSource,
  ) {}

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
    const rows = await Clocks.insertClocks(
      m,
      caseId,
      calendar.version,
      clocks.map((c, i) => ({
        rule: c.rule, start: c.start, due: results[i].due, provisional: results[i].provisional, explanation: results[i].explanation,
        closedOn: c.closedOn ?? null, suspensions: c.suspensions ?? [],
      })),
    );
    await this.milestones.planNew(m, calendar, rows);
    const byRule = new Map(rows.map((r) => [r.rule, r]));
    return clocks.map((c) => toView(byRule.get(c.rule)!));
  }

  /**
   * Meets (or, if late, misses) or cancels the open clock of a rule; no open clock is a no-op. A paused clock's open
   * suspension ends on the closing day (a closed case is no longer suspended, e.g. mediated or terminated meanwhile).
   */
  async close(m: EntityManager, caseId: string, rule: RuleId, on: string, outcome: 'met' | 'cancelled'): Promise<void> {
    await lockCalendarShared(m);
    const ids = await Clocks.closeOpenClocks(m, caseId, rule, on, outcome);
    if (ids.length) await this.milestones.replace(m, await this.calendars.current(m), ids);
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
    const row = await Clocks.openClockOf(m, caseId, rule);
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
  private async mutate(m: EntityManager, caseId: string, rule: RuleId, change: (c: ClockRow) => ClockRow): Promise<ClockView> {
    await lockCalendarShared(m);
    const row = await Clocks.openClockOf(m, caseId, rule, true);
    if (!row) throw new DomainError('CLOCK_NOT_RUNNING', '该期限未在计算中', 'conflict');
    const next = change(row);
    const calendar = await this.calendars.current(m);
    const r = computeClock(calendar, next); // validates: the engine rejects extensions beyond the rule's cap
    const updated = await Clocks.rewriteLockedClock(m, row, {
      status: next.status, suspensions: next.suspensions, extension_days: next.extension_days, due_date: r.due, provisional: r.provisional,
      explanation: r.explanation, calendar_version: calendar.version,
    });
    await this.milestones.replace(m, calendar, [row.id]);
    return toView(updated);
  }

  /** The working-day calendar the clocks are counted on (current version), e.g. for a period in years (CPL 85). */
  calendar(m: EntityManager): Promise<WorkingCalendar> {
    return this.calendars.current(m);
  }

  /**
   * The case's clocks, with the same working-day count as the work lists (@fuyi/deadlines remainingWorkingDays), counted
   * from `now` (default: the time source's now).
   */
  async forCase(caseId: string, now: Date = this.time.now()): Promise<CaseClockView[]> {
    const rows = await this.uow.read((m) => Clocks.clocksOfCase(m, caseId));
    const calendar = await this.calendars.current();
    const today = shanghaiDate(now);
    return rows.map((r) => ({
      ...toView(r),
      remainingWorkingDays: r.status === 'running' || r.status === 'paused' ? remainingWorkingDays(calendar, today, r.due_date) : null,
    }));
  }

}

function toView(r: ClockRow): ClockView {
  return {
    id: r.id, rule: r.rule, start: r.start_date, due: r.due_date, status: r.status, provisional: r.provisional,
    explanation: r.explanation, calendarVersion: r.calendar_version, closedOn: r.closed_on,
    suspensions: r.suspensions, extensionDays: r.extension_days,
  };
}
