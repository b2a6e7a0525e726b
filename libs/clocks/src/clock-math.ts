import { shanghaiDate } from '@fuyi/kernel';
import { computeDeadline, type DeadlineResult, type RuleId, type WorkingCalendar } from '@fuyi/deadlines';

export interface ClockFacts {
  rule: string;
  start_date: string;
  suspensions: Array<{ from: string; to?: string }>;
  extension_days: number;
}

/** The engine's answer for a stored clock; a paused clock is projected as if it resumed today. */
export function computeClock(calendar: WorkingCalendar, c: ClockFacts, explain = true, today = shanghaiDate(new Date())): DeadlineResult {
  const open = c.suspensions.some((s) => !s.to);
  return computeDeadline(
    { rule: c.rule as RuleId, start: c.start_date, suspensions: c.suspensions, extensionDays: c.extension_days || undefined, asOf: open ? today : undefined },
    calendar,
    { explain },
  );
}
