import { toEpochDay, type IsoDate } from '@fuyi/kernel';
import type { WorkingCalendar } from './working-calendar';

/**
 * Working days from today to the due date: 0 on the due day, negative once it has passed (working days since).
 * The one count of the red-yellow-green badge (work lists and the case's clocks alike).
 * A page holds at most a few hundred clocks, so counting day by day is cheap; the counts are memoised per date.
 */
export function remainingWorkingDays(calendar: WorkingCalendar, today: IsoDate, due: IsoDate, memo?: Map<string, number>): number {
  const cached = memo?.get(due);
  if (cached !== undefined) return cached;
  const from = toEpochDay(today);
  const to = toEpochDay(due);
  let n = 0;
  for (let d = Math.min(from, to) + 1; d <= Math.max(from, to); d++) if (calendar.isWorkingEpochDay(d)) n++;
  const result = to >= from ? n : -n;
  memo?.set(due, result);
  return result;
}
