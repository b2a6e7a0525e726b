import { addDays, endOfShanghaiDay, toEpochDay, type IsoDate } from '@fuyi/kernel';
import type { WorkingCalendar } from '@fuyi/deadlines';
import type { DeadlineEffect } from '@fuyi/platform';

export interface ReminderPolicy {
  rule: string;
  recipientRole: string;
  /** Working-day offsets from the due date: -3 = three working days before, 0 = the due day. */
  offsets: number[];
  overdueDaily: boolean;
}

export interface PlannedMilestone {
  key: string;
  kind: 'reminder' | 'effect';
  recipientRole: string;
  fireAt: Date;
}

/** Reminders go out when the office opens. */
const REMINDER_HOUR_MINUTES = 8 * 60 + 30;
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** The legal effect of a lapsed clock, if its rule has one. */
export const EFFECT_OF_RULE: Partial<Record<string, DeadlineEffect>> = {
  'acceptance-review': 'deemed-accepted', // ARL 30: not refused in time = deemed accepted
  'applicant-correction': 'correction-lapsed', // ARL 31: late without reason = abandoned (a clerk confirms)
  'suspension-cap': 'suspension-cap-reached', // ARL 41: suspension on 39(1)(1)(2)(4) for 60 days → terminate
  'respondent-reply': 'reply-missed', // ARL 70: no reply = the act is treated as without evidence
  'simplified-reply': 'reply-missed',
};

export function reminderInstant(date: IsoDate): Date {
  return new Date((toEpochDay(date) * 1440 + REMINDER_HOUR_MINUTES - SHANGHAI_OFFSET_MINUTES) * 60_000);
}

export function workingDaysBefore(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let k = 0; k < n; ) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) k++;
  }
  return d;
}

export function nextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  let d = addDays(date, 1);
  while (!calendar.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * Milestones of a running clock (pure): policy reminders not yet past, the first overdue reminder once the due
 * day is over, and the clock's legal effect at the end of its last day (always, even if late: the law's effect
 * must happen). Later overdue reminders are chained one working day at a time as each fires.
 */
export function planMilestones(
  clock: { rule: string; due: IsoDate },
  policies: ReminderPolicy[],
  calendar: WorkingCalendar,
  today: IsoDate,
): PlannedMilestone[] {
  // From the start of today, not from now: a reminder due this morning but not yet scanned survives a re-plan;
  // if it already fired, its unique key makes the repeat a no-op.
  const startOfToday = reminderInstant(today).getTime() - REMINDER_HOUR_MINUTES * 60_000;
  const own = policies.filter((p) => p.rule === clock.rule);
  const applicable = own.length ? own : policies.filter((p) => p.rule === '*');
  const plans: PlannedMilestone[] = [];
  for (const p of applicable) {
    for (const offset of p.offsets) {
      const day = offset < 0 ? workingDaysBefore(calendar, clock.due, -offset) : clock.due;
      const fireAt = reminderInstant(day);
      if (fireAt.getTime() >= startOfToday) plans.push({ key: offset < 0 ? `before-${-offset}` : 'due', kind: 'reminder', recipientRole: p.recipientRole, fireAt });
    }
    if (p.overdueDaily) plans.push(overdueMilestone(calendar, clock.due, today, p.recipientRole));
  }
  const effect = EFFECT_OF_RULE[clock.rule];
  if (effect) plans.push({ key: `effect-${effect}`, kind: 'effect', recipientRole: 'system', fireAt: endOfShanghaiDay(clock.due) });
  return plans;
}

/** The first overdue reminder: the first working day after the due day, and not before today. */
export function overdueMilestone(calendar: WorkingCalendar, due: IsoDate, today: IsoDate, recipientRole: string): PlannedMilestone {
  const day = nextWorkingDay(calendar, today > due ? addDays(today, -1) : due);
  return overdueOn(day, recipientRole);
}

export function overdueOn(day: IsoDate, recipientRole: string): PlannedMilestone {
  return { key: `overdue-${day}`, kind: 'reminder', recipientRole, fireAt: reminderInstant(day) };
}
