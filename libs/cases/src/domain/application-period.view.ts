import { addDays, shanghaiDate, type IsoDate } from '@fuyi/kernel';
import { computeDeadline, type WorkingCalendar } from '@fuyi/deadlines';
import { applicationPeriodFacts, type ApplicationPeriodFacts } from './application-period';

/** What a case row holds about its application period (the `application` clock stored at registration, if any). */
export interface ApplicationPeriodRow {
  act_known_date: string;
  act_date: string | null;
  category: string;
  receipt_at: Date | string;
  application_clock?: { due: string; provisional: boolean } | null;
}

/** CPL 85 roll-forward on the working-day calendar. */
export const nextWorkingDayOn = (calendar: WorkingCalendar) => (date: IsoDate): IsoDate => {
  let d = date;
  while (!calendar.isWorkingDay(d)) d = addDays(d, 1);
  return d;
};

/**
 * The ARL 20-21 facts of a registered case. The due date is the one stored with the `application` clock at
 * registration; a case registered before that clock existed gets it computed on the current calendar.
 */
export function applicationPeriodOf(calendar: WorkingCalendar, r: ApplicationPeriodRow): ApplicationPeriodFacts {
  const clock = r.application_clock ?? computeDeadline({ rule: 'application', start: r.act_known_date }, calendar, { explain: false });
  return applicationPeriodFacts({
    knownDate: r.act_known_date, actDate: r.act_date, category: r.category, receivedOn: shanghaiDate(new Date(r.receipt_at)),
    due: clock.due, provisional: clock.provisional, nextWorkingDay: nextWorkingDayOn(calendar),
  });
}

/** The late-application block shown in the receipt, the intake queue and the acceptance review (null: nothing to flag). */
export type LateApplication = ApplicationPeriodFacts;
export const lateApplicationOf = (f: ApplicationPeriodFacts): LateApplication | null => (f.warning ? f : null);
