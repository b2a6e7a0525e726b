import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from '@fuyi/platform';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { computeClock } from './clock-math';
import { MilestoneWriter } from './milestone-writer';
import { lockCalendarShared } from './calendar-lock';
import { ClockMoveListeners, type MovedClock, type RecomputeCause } from './clock-move-listeners';
import * as Calendar from './stores/calendar.store';
import * as Clocks from './stores/clocks.store';

const BATCH = 5000;
/** Clocks per short transaction when a committed calendar change is caught up (issue 15 item 7). */
const CATCH_UP_BATCH = 1000;
const CALENDAR_TITLE = '工作日历调整，期限已重新计算';
type OpenClock = Clocks.OpenClockRow;

/**
 * After a calendar change, recomputes the open clocks whose span touches the changed days; after a correction of the
 * counting rule (ClockRuleChanges), the open clocks the rule affects. Changed clocks get the new due date, explanation
 * and calendar version, and the registered listeners hear which moved (the cases library records old and new dates on
 * each case's timeline and tells its handler). Bulk statements, one batch at a time.
 */
@Injectable()
export class ClockRecomputer {
  constructor(
    private readonly milestones: MilestoneWriter,
    @Optional() private readonly listeners?: ClockMoveListeners,
  ) {}

  async recompute(m: EntityManager, calendar: WorkingCalendar, range: { from: string; to: string }): Promise<number> {
    const moved = await this.run(m, calendar, (after) => Clocks.lockOpenClocksTouching(m, range, after, BATCH), { calendarVersion: calendar.version, title: CALENDAR_TITLE });
    return moved.length;
  }

  /** Open clocks with a recorded suspension, recomputed after a correction of the suspension rule; returns what moved. */
  recomputeSuspended(m: EntityManager, calendar: WorkingCalendar, cause: RecomputeCause): Promise<MovedClock[]> {
    return this.run(m, calendar, (after) => Clocks.lockOpenSuspendedClocks(m, after, BATCH), cause);
  }

  /** Batches of open clocks, each locked by `lockBatch` (FOR UPDATE, id order after the last id seen). */
  private async run(m: EntityManager, calendar: WorkingCalendar, lockBatch: (after: string) => Promise<OpenClock[]>, cause: RecomputeCause): Promise<MovedClock[]> {
    const out: MovedClock[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await lockBatch(after);
      if (!rows.length) return out;
      after = rows[rows.length - 1].id;
      out.push(...(await this.moveChanged(m, calendar, rows, cause)));
    }
  }

  /**
   * Recomputes, in short transactions of 1,000 clocks each, the open clocks that calendar versions still owe a recompute
   * (the change itself committed at once: CalendarService.change). Each batch holds the calendar lock shared, as any
   * clock write does, so registrations and other clock writes go on meanwhile; a clock written meanwhile was computed on
   * the new calendar already and is passed over (calendar_version). Safe to run twice at once and to resume after a
   * stop: rows are locked, re-checked and only moved once. `calendarOf` reads the current calendar in a transaction.
   */
  async finishOwed(uow: UnitOfWork, calendarOf: (m: EntityManager) => Promise<WorkingCalendar>): Promise<number> {
    const owed = await uow.read((m) => Calendar.owedRecomputes(m));
    if (!owed.length) return 0;
    const spans = owed.filter((o) => o.from && o.to);
    const range = spans.length ? { from: spans.map((o) => o.from!).sort()[0], to: spans.map((o) => o.to!).sort().reverse()[0] } : null;
    let changed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    while (range) {
      const batch = await uow.run(async (m) => {
        await lockCalendarShared(m);
        const calendar = await calendarOf(m);
        const rows = await Clocks.lockOpenClocksOwingRecompute(m, range, after, calendar.version, CATCH_UP_BATCH);
        const moved = (await this.moveChanged(m, calendar, rows, { calendarVersion: calendar.version, title: CALENDAR_TITLE })).length;
        if (moved) await Calendar.addClocksRecomputed(m, calendar.version, moved);
        return { last: rows[rows.length - 1]?.id as string | undefined, moved };
      });
      changed += batch.moved;
      if (!batch.last) break;
      after = batch.last;
    }
    await uow.read((m) => Calendar.markRecomputed(m, owed.map((o) => o.version)));
    return changed;
  }

  /** Recomputes the given locked clocks and writes those whose due date or provisional flag changed. */
  private async moveChanged(m: EntityManager, calendar: WorkingCalendar, rows: OpenClock[], cause: RecomputeCause): Promise<MovedClock[]> {
    const moved = rows
      .map((c) => ({ c, r: computeClock(calendar, c, false) }))
      .filter(({ c, r }) => r.due !== c.due_date || r.provisional !== c.provisional)
      .map(({ c }) => ({ c, r: computeClock(calendar, c, true) })); // explanations only for what changed
    if (moved.length) {
      await this.persist(m, cause, moved);
      await this.milestones.replace(m, calendar, moved.map(({ c }) => c.id));
    }
    return moved.map(({ c, r }) => ({ clockId: c.id, caseId: c.case_id, rule: c.rule, oldDue: c.due_date, newDue: r.due }));
  }

  private async persist(m: EntityManager, cause: RecomputeCause, moved: Array<{ c: OpenClock; r: ReturnType<typeof computeClock> }>): Promise<void> {
    await Clocks.writeRecomputedClocks(
      m,
      moved.map(({ c, r }) => ({ id: c.id, due: r.due, provisional: r.provisional, explanation: r.explanation })),
      cause.calendarVersion,
    );
    await this.listeners?.run(m, moved.map(({ c, r }) => ({ clockId: c.id, caseId: c.case_id, rule: c.rule, oldDue: c.due_date, newDue: r.due })), cause);
  }
}
