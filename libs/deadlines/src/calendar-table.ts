import type { IsoDate } from '@fuyi/kernel';
import { DeadlineErrorCode, deadlineError, requireDate } from './errors';

/**
 * holiday = statutory holiday / rest day of the State Council arrangement;
 * workday = official weekend make-up workday (调休上班日);
 * closure = office closure (typhoon, …), treated as non-working.
 */
export type DayOverrideKind = 'holiday' | 'workday' | 'closure';
export interface DayOverride {
  date: IsoDate;
  kind: DayOverrideKind;
  name: string;
}
export type CalendarSource = 'database' | 'package';

export interface WorkingCalendarInput {
  days: DayOverride[];
  /** Years whose official arrangement is in `days`; other years are provisional. */
  loadedYears: number[];
  version: number;
  source: CalendarSource;
  /** ARL 88 setting: whether official make-up workdays count as working days (default true). */
  makeUpDaysCount?: boolean;
}

/** Validates the table; a closure wins over the arrangement, a holiday/workday clash is an error. */
export function normalizeOverrides(days: DayOverride[]): DayOverride[] {
  const byDate = new Map<string, DayOverride>();
  for (const o of days) {
    requireDate(o.date, 'days.date', '工作日历日期');
    if (o.kind !== 'holiday' && o.kind !== 'workday' && o.kind !== 'closure') {
      throw deadlineError(DeadlineErrorCode.InvalidCalendar, `工作日历类型无效：${String(o.kind)}`, 'days.kind');
    }
    const prev = byDate.get(o.date);
    if (prev && prev.kind !== o.kind && prev.kind !== 'closure' && o.kind !== 'closure') {
      throw deadlineError(
        DeadlineErrorCode.InvalidCalendar,
        `工作日历中${o.date}同时被标记为节假日和调休上班日，请更正`,
        'days',
      );
    }
    if (!prev || o.kind === 'closure' || prev.kind !== 'closure') byDate.set(o.date, o);
  }
  return [...byDate.values()];
}
