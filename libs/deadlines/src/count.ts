import type { RuleDefinition } from './rules';
import type { SuspensionInterval } from './suspensions';
import type { WorkingCalendar } from './working-calendar';

/**
 * What one suspension did to the period: `period` lengthened it (it started on or before the last day of the period
 * as it stood), `grace` started inside the holiday roll-forward after that last day (only the remaining grace is
 * kept), `after` started once the period had ended (no effect), `none` covered only day 0.
 */
export type SuspensionEffect = 'period' | 'grace' | 'after' | 'none';

/** Raw outcome of counting, in epoch days. */
export interface CountResult {
  /** The day the count reaches the period without any suspension (start + period; calendar periods). */
  dayN: number;
  /**
   * Calendar periods: the due date without suspensions (day N rolled forward to a working day), for the explanation.
   * Working and backward periods: equal to `due`.
   */
  baseDue: number;
  /**
   * Calendar periods: the last day of the period lengthened by the suspended days (day N + suspended days), or the
   * resumption day of a suspension that started inside the roll-forward, before the one roll-forward.
   * Working and backward periods: equal to `due`.
   */
  movedDue: number;
  /** The due date (after the CPL 85 roll-forward for calendar periods). */
  due: number;
  /** One entry per suspension interval, in the same order. */
  effects: SuspensionEffect[];
  /** Days not counted because of suspensions (R − S of each `period` or `grace` suspension, day 0 excluded). */
  suspendedDays: number;
  /** A day whose working status was consulted lies in a year that is not loaded. */
  provisional: boolean;
  /** Inclusive ranges of the days whose working status the result depends on (for the provisional flag). */
  consulted: ReadonlyArray<readonly [number, number]>;
}

/**
 * Counts `total` days from `start` (day 0, never counted).
 *
 * Working periods (ARL 88(2)): only working days count; a suspended day never counts.
 * Calendar periods (CPL 85, ARL 88(1)): the last day of the period is day N = start + total; suspended days lengthen
 * the period itself (domain.md §4): day N moves by the suspended days (R − S each, day 0 excluded), and only that
 * final last day is rolled forward, once, to the next working day. A holiday roll-forward is not part of the period
 * and is never carried along. A suspension that starts after the last day, inside the roll-forward (on or before the
 * rolled due date), keeps only the grace that remained: the period ends on the first working day on or after its
 * resumption. One that starts after the period ended changes nothing, and neither do the ones after it.
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
  const effects = iv.map((s): SuspensionEffect => (s.from > d ? 'after' : s.to <= Math.max(s.from, start + 1) ? 'none' : 'period'));
  const suspendedDays = iv.reduce((n, s, i) => n + (effects[i] === 'period' ? s.to - Math.max(s.from, start + 1) : 0), 0);
  return { dayN: d, baseDue: d, movedDue: d, due: d, effects, suspendedDays, provisional, consulted: [[start + 1, d]] };
}

function countCalendar(start: number, total: number, iv: readonly SuspensionInterval[], cal: WorkingCalendar): CountResult {
  // CPL 85: holidays inside the period are not deducted; only the last day is checked, once.
  const dayN = start + total;
  const state = { provisional: false, consulted: [] as Array<[number, number]> };
  let last = dayN; // the last day of the period as it stands (before the roll-forward)
  let suspendedDays = 0;
  const effects: SuspensionEffect[] = iv.map(() => 'after');
  for (let i = 0; i < iv.length; i++) {
    const s = iv[i];
    const from = Math.max(s.from, start + 1); // day 0 is never counted anyway
    if (s.to <= from) {
      // Nothing suspended yet (e.g. an open suspension as of its first day): still say when it began after the period
      // ended, which is what it will remain however long it lasts.
      if (from > last && from > rollForward(last, cal, { provisional: false, consulted: [] })) break;
      effects[i] = 'none';
      continue;
    }
    if (from <= last) {
      last += s.to - from; // the suspended days lengthen the period
      effects[i] = 'period';
    } else {
      if (from > rollForward(last, cal, state)) break; // after the period ended: it (and every later one) changes nothing
      last = s.to; // inside the roll-forward: only the remaining grace, from the resumption on
      effects[i] = 'grace';
    }
    suspendedDays += s.to - from;
  }
  const due = rollForward(last, cal, state);
  const baseDue = rollForward(dayN, cal, { provisional: false, consulted: [] }); // explanation only
  return { dayN, baseDue, movedDue: last, due, effects, suspendedDays, provisional: state.provisional, consulted: state.consulted };
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
  return { dayN: d, baseDue: d, movedDue: d, due: d, effects: [], suspendedDays: 0, provisional, consulted: [[d, start - 1]] };
}
