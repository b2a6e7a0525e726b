import type { RuleDefinition } from './rules';
import type { SuspensionInterval } from './suspensions';
import type { WorkingCalendar } from './working-calendar';

/** Raw outcome of counting, in epoch days. */
export interface CountResult {
  /** The day the count reaches the period (before any roll-forward). */
  dayN: number;
  /** The due date (after the CPL 85 roll-forward for calendar periods). */
  due: number;
  /** A day whose working status was consulted lies in a year that is not loaded. */
  provisional: boolean;
}

/**
 * Counts `total` days from `start` (day 0, never counted).
 *
 * Working periods (ARL 88(2)): only working days count; a suspended day never counts.
 * Calendar periods (CPL 85): every non-suspended day counts; if day N is not a working day the period
 * ends on the next working, non-suspended day. Suspension policy (domain.md §4): the days in [S, R)
 * are removed from the timeline, so day N moves by R − S days when S ≤ day N; a suspension that starts
 * during the roll-forward keeps the remaining grace (the due date becomes the first working day ≥ R).
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
  return { dayN: d, due: d, provisional };
}

function countCalendar(start: number, total: number, iv: readonly SuspensionInterval[], cal: WorkingCalendar): CountResult {
  // CPL 85: holidays inside the period are not deducted, so only suspensions shift day N.
  let counted = start; // last counted day so far
  let remaining = total;
  let si = 0;
  for (; si < iv.length; si++) {
    const from = Math.max(iv[si].from, start + 1);
    if (iv[si].to <= from) continue;
    if (counted + remaining < from) break;
    remaining -= from - 1 - counted;
    counted = iv[si].to - 1;
  }
  const dayN = counted + remaining;
  // CPL 85: a last day that is a holiday or weekend rolls to the next working day.
  let d = dayN;
  let provisional = false;
  for (;;) {
    while (si < iv.length && iv[si].to <= d) si++;
    if (si < iv.length && iv[si].from <= d) {
      d = iv[si++].to;
      continue;
    }
    if (!provisional && cal.isProvisionalEpochDay(d)) provisional = true;
    if (cal.isWorkingEpochDay(d)) break;
    d++;
  }
  return { dayN, due: d, provisional };
}

/** The days whose working status the result depends on (for the provisional flag). */
export function consultedRange(def: RuleDefinition, start: number, count: CountResult): [number, number] {
  if (def.direction === 'backward') return [count.due, start - 1];
  return def.unit === 'working' ? [start + 1, count.due] : [count.dayN, count.due];
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
  return { dayN: d, due: d, provisional };
}
