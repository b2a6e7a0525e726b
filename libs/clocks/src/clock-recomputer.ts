import { Injectable, Optional } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { computeClock, type ClockFacts } from './clock-math';
import { MilestoneWriter } from './milestone-writer';
import { lockCalendarShared } from './calendar-lock';
import { ClockMoveListeners, type MovedClock, type RecomputeCause } from './clock-move-listeners';

const BATCH = 5000;
/** Clocks per short transaction when a committed calendar change is caught up (issue 15 item 7). */
const CATCH_UP_BATCH = 1000;
const CALENDAR_TITLE = '工作日历调整，期限已重新计算';
/** The open clocks a calendar change over $1..$2 must recompute: their span touches the changed days, or they are paused. */
export const OPEN_CLOCKS_TOUCHING = `LEAST(start_date, due_date) <= $2 AND (GREATEST(start_date, due_date) >= $1 OR status = 'paused')`;

interface OpenClock extends ClockFacts {
  id: string;
  case_id: string;
  due_date: string;
  provisional: boolean;
}

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
    const moved = await this.run(m, calendar, OPEN_CLOCKS_TOUCHING, [range.from, range.to], { calendarVersion: calendar.version, title: CALENDAR_TITLE });
    return moved.length;
  }

  /** Open clocks with a recorded suspension, recomputed after a correction of the suspension rule; returns what moved. */
  recomputeSuspended(m: EntityManager, calendar: WorkingCalendar, cause: RecomputeCause): Promise<MovedClock[]> {
    return this.run(m, calendar, `jsonb_array_length(suspensions) > 0`, [], cause);
  }

  private async run(m: EntityManager, calendar: WorkingCalendar, where: string, params: unknown[], cause: RecomputeCause): Promise<MovedClock[]> {
    const out: MovedClock[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    const p = params.length + 1;
    for (;;) {
      const rows: OpenClock[] = await m.query(
        `SELECT id, case_id, rule, start_date, due_date, provisional, suspensions, extension_days FROM case_clocks
          WHERE status IN ('running', 'paused') AND id > $${p} AND ${where}
          ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
        [...params, after],
      );
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
  async finishOwed(ds: DataSource, calendarOf: (m: EntityManager) => Promise<WorkingCalendar>): Promise<number> {
    const owed: Array<{ version: number; from: string | null; to: string | null }> = await ds.query(
      `SELECT version, recompute_from AS from, recompute_to AS to FROM calendar_versions WHERE recomputed_at IS NULL ORDER BY version`,
    );
    if (!owed.length) return 0;
    const spans = owed.filter((o) => o.from && o.to);
    const range = spans.length ? { from: spans.map((o) => o.from!).sort()[0], to: spans.map((o) => o.to!).sort().reverse()[0] } : null;
    let changed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    while (range) {
      const batch = await ds.transaction(async (m) => {
        await lockCalendarShared(m);
        const calendar = await calendarOf(m);
        const rows: OpenClock[] = await m.query(
          `SELECT id, case_id, rule, start_date, due_date, provisional, suspensions, extension_days FROM case_clocks
            WHERE status IN ('running', 'paused') AND id > $3 AND calendar_version < $4 AND ${OPEN_CLOCKS_TOUCHING}
            ORDER BY id LIMIT ${CATCH_UP_BATCH} FOR UPDATE`,
          [range.from, range.to, after, calendar.version],
        );
        const moved = (await this.moveChanged(m, calendar, rows, { calendarVersion: calendar.version, title: CALENDAR_TITLE })).length;
        if (moved) await m.query('UPDATE calendar_versions SET clocks_recomputed = clocks_recomputed + $2 WHERE version = $1', [calendar.version, moved]);
        return { last: rows[rows.length - 1]?.id as string | undefined, moved };
      });
      changed += batch.moved;
      if (!batch.last) break;
      after = batch.last;
    }
    await ds.query('UPDATE calendar_versions SET recomputed_at = now() WHERE version = ANY($1::int[]) AND recomputed_at IS NULL', [owed.map((o) => o.version)]);
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
    const ids = moved.map(({ c }) => c.id);
    await m.query(
      `UPDATE case_clocks k SET due_date = u.due, provisional = u.prov, explanation = u.expl, calendar_version = $5, version = k.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::date[], $3::boolean[], $4::jsonb[]) AS u(id, due, prov, expl) WHERE k.id = u.id`,
      [ids, moved.map(({ r }) => r.due), moved.map(({ r }) => r.provisional), moved.map(({ r }) => JSON.stringify(r.explanation)), cause.calendarVersion],
    );
    await this.listeners?.run(m, moved.map(({ c, r }) => ({ clockId: c.id, caseId: c.case_id, rule: c.rule, oldDue: c.due_date, newDue: r.due })), cause);
  }
}
