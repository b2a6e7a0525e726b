import { RULES, WorkingCalendar, type RuleId } from '@fuyi/deadlines';
import type { SqlRunner } from '@fuyi/platform';
import { computeClock } from './clock-math';
import * as Calendar from './stores/calendar.store';
import * as Clocks from './stores/clocks.store';

type Db = SqlRunner;
type DayState = { kind: string; name: string } | null;
export type EffectiveChange = { date: string; before: DayState; after: DayState };

/** A clock a calendar change would move: what the administrator sees before confirming. */
export interface PreviewedClock {
  clockId: string;
  caseId: string;
  caseNumber: string;
  rule: string;
  ruleLabel: string;
  oldDue: string;
  newDue: string;
}

export interface CalendarChangePreview {
  calendarVersion: number;
  changedDays: number;
  changes: EffectiveChange[];
  clocksAffected: number;
  clocks: PreviewedClock[];
  /** More clocks would move than `clocks` lists (clocksAffected counts them all). */
  truncated: boolean;
}

const BATCH = 5000;
/** Clocks listed in a preview; the count covers every one. */
export const PREVIEW_LIST_MAX = 500;

/** The stored state of the changed days, and the changes that would really alter one (the same diff a change writes). */
export async function effectiveChanges(db: Db, changes: Array<{ date: string; after: DayState }>): Promise<EffectiveChange[]> {
  const rows = await Calendar.calendarDaysOn(db, changes.map((c) => c.date));
  const before = new Map(rows.map((r) => [r.date, { kind: r.kind, name: r.name }]));
  return changes
    .map((c) => ({ date: c.date, before: before.get(c.date) ?? null, after: c.after }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

/** The span of open clocks a change must recompute (a year's load: the whole year). */
export function recomputeRange(effective: EffectiveChange[], loadYear?: number): { from: string; to: string } | null {
  if (loadYear) return { from: `${loadYear}-01-01`, to: `${loadYear}-12-31` };
  const dates = effective.map((c) => c.date).sort();
  return dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null;
}

/**
 * What a calendar change would do, without writing anything: the stored calendar with the changes applied in memory,
 * and every open clock the change would recompute run through the same engine (computeClock) on it. Nothing is locked;
 * the change itself recomputes again under its lock, so a registration in between is still counted right.
 */
export async function previewCalendarChange(
  db: Db,
  changes: Array<{ date: string; after: DayState }>,
  opts: { makeUpDaysCount: boolean; loadYear?: number },
): Promise<CalendarChangePreview> {
  const effective = await effectiveChanges(db, changes);
  const v = await Calendar.latestCalendarVersion(db);
  const stored = (await Calendar.allCalendarDays(db)) as Array<{ date: string; kind: 'holiday' | 'workday' | 'closure'; name: string }>;
  const days = new Map(stored.map((d) => [d.date, d]));
  for (const c of effective) {
    if (c.after) days.set(c.date, { date: c.date, kind: c.after.kind as 'holiday', name: c.after.name });
    else days.delete(c.date);
  }
  const years = await Calendar.loadedCalendarYears(db);
  if (opts.loadYear && !years.includes(opts.loadYear)) years.push(opts.loadYear);
  const calendar = new WorkingCalendar({
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    loadedYears: years.sort((a, b) => a - b),
    version: v + 1,
    source: 'database',
    makeUpDaysCount: opts.makeUpDaysCount,
  });
  const range = recomputeRange(effective, opts.loadYear);
  const moved = range ? await movedClocks(db, calendar, range) : [];
  return {
    calendarVersion: v,
    changedDays: effective.length,
    changes: effective,
    clocksAffected: moved.length,
    clocks: moved.slice(0, PREVIEW_LIST_MAX),
    truncated: moved.length > PREVIEW_LIST_MAX,
  };
}

/** The open clocks in `range` whose due date (or provisional flag) the calendar would change, nearest due first. */
async function movedClocks(db: Db, calendar: WorkingCalendar, range: { from: string; to: string }): Promise<PreviewedClock[]> {
  const out: PreviewedClock[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await Clocks.openClocksTouchingWithCaseNumber(db, range, after, BATCH);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    for (const c of rows) {
      const r = computeClock(calendar, c, false);
      if (r.due === c.due_date && r.provisional === c.provisional) continue;
      out.push({ clockId: c.id, caseId: c.case_id, caseNumber: c.case_number, rule: c.rule, ruleLabel: RULES[c.rule as RuleId]?.label ?? c.rule, oldDue: c.due_date, newDue: r.due });
    }
  }
  return out.sort((a, b) => (a.oldDue === b.oldDue ? a.caseNumber.localeCompare(b.caseNumber) : a.oldDue < b.oldDue ? -1 : 1));
}
