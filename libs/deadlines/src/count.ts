import type { RuleDefinition } from './rules';
import type { SuspensionInterval } from './suspensions';
import type { WorkingCalendar } from './working-calendar';

/** Raw outcome of counting, in epoch days. */
export interface CountResult {
  /** The day the count reaches the period (before any roll-forward or suspension move). */
  dayN: number;
  /**
   * Calendar periods: the due date without suspensions (day N rolled forward to a working day).
   * Working and backward periods: equal to `due`.
   */
  baseDue: number;
  /**
   * Calendar periods: `baseDue` moved by the suspended days, before the second roll-forward.
   * Working and backward periods: equal to `due`.
   */
  movedDue: number;
  /** The due date (after the CPL 85 roll-forward for calendar periods). */
  due: number;
  /** A day whose working status was consulted lies in a year that is not loaded. */
  provisional: boolean;
  /** Inclusive ranges of the days whose working status the result depends on (for the provisional flag). */
  consulted: ReadonlyArray<readonly [number, number]>;
}

/**
 * Counts `total` days from `start` (day 0, never counted).
 *
 * Working periods (ARL 88(2)): only working days count; a suspended day never counts.
 * Calendar periods (CPL 85): day N = start + total; if it is not a working day the period ends on the next
 * working day. Suspension policy (domain.md §4, literally): the due date computed without suspensions is
 * moved by the suspended days (R − S each, day 0 excluded) and rolled forward again if the moved date is not
 * a working day. Suspensions are taken in date order; one counts only if it starts on or before the due date
 * as it stands at that point (a later one changes nothing, and neither do the ones after it).
 */
export function countPeriod(
  def: RuleDefinition,
  start: number,
  total: number,
  suspensions: readonly SuspensionInterval[],
  cal: WorkingCalendar,
): CountResult {
  if (def.direction === 'backward') return countBackward(start, total, cal);
  return def.unit === 'working'
    ? countWorking(start, total, suspensions, cal)
    : countCalendar(start, total, suspensions, cal);
}

function countWorking(start: number, total: number, iv: readonly SuspensionInterval[], cal: WorkingCalendar): CountResult {
  let d = start;
  let k = 0;
  let si = 0;
  let provisional = false;
  while (k < total) {
    d++;
    while (si < iv.length && iv[si].to <= d) si++;
    if (si < iv.length && iv[si].from <= d) {
      d = iv[si].to - 1; // jump over the suspension; the loop steps onto the resumption day
      si++;
      continue;
    }
    if (cal.isWorkingEpochDay(d)) k++;
    if (!provisional && cal.isProvisionalEpochDay(d)) provisional = true;
  }
  return { dayN: d, baseDue: d, movedDue: d, due: d, provisional, consulted: [[start + 1, d]] };
}

function countCalendar(start: number, total: number, iv: readonly SuspensionInterval[], cal: WorkingCalendar): CountResult {
  // CPL 85: holidays inside the period are not deducted; only the last day is checked.
  const dayN = start + total;
  const state = { provisional: false, consulted: [] as Array<[number, number]> };
  const baseDue = rollForward(dayN, cal, state);
  let movedDue = baseDue;
  let due = baseDue; // the due date as it stands: movedDue rolled forward
  for (const s of iv) {
    if (s.from > due) break; // starts after the period ended: it (and every later one) changes nothing
    const days = s.to - Math.max(s.from, start + 1); // day 0 is never counted anyway
    if (days <= 0) continue;
    movedDue += days;
    due = rollForward(movedDue, cal, state);
  }
  return { dayN, baseDue, movedDue, due, provisional: state.provisional, consulted: state.consulted };
}

/** CPL 85: a last day that is a holiday, weekend or closure rolls to the next working day. */
function rollForward(day: number, cal: WorkingCalendar, state: { provisional: boolean; consulted: Array<[number, number]> }): number {
  let d = day;
  for (;;) {
    if (!state.provisional && cal.isProvisionalEpochDay(d)) state.provisional = true;
    if (cal.isWorkingEpochDay(d)) break;
    d++;
  }
  state.consulted.push([day, d]);
  return d;
}

/** ARL 51: the notice goes out at the latest on the 5th working day before the hearing date. */
function countBackward(start: number, total: number, cal: WorkingCalendar): CountResult {
  let d = start;
  let k = 0;
  let provisional = false;
  while (k < total) {
    d--;
    if (cal.isWorkingEpochDay(d)) k++;
    if (!provisional && cal.isProvisionalEpochDay(d)) provisional = true;
  }
  return { dayN: d, baseDue: d, movedDue: d, due: d, provisional, consulted: [[d, start - 1]] };
}
