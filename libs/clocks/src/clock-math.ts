import { computeDeadline, type DeadlineResult, type RuleId, type WorkingCalendar } from '@fuyi/deadlines';

export interface ClockFacts {
  rule: string;
  start_date: string;
  suspensions: Array<{ from: string; to?: string }>;
  extension_days: number;
}

/**
 * The engine's answer for a stored clock. A paused clock is stored as if it resumed on the day it was paused
 * (its due date then moves on resumption): a value that does not drift with the wall clock, so a later
 * recomputation compares like with like.
 */
export function computeClock(calendar: WorkingCalendar, c: ClockFacts, explain = true): DeadlineResult {
  const open = c.suspensions.find((s) => !s.to);
  return computeDeadline(
    { rule: c.rule as RuleId, start: c.start_date, suspensions: c.suspensions, extensionDays: c.extension_days || undefined, asOf: open?.from },
    calendar,
    { explain },
  );
}
