import { shanghaiDate } from '@fuyi/kernel';
import type { TimeSource } from '@fuyi/platform';
import { LiaisonErrors } from './liaison-errors';

/** Today in Beijing, from the TimeSource (tests move it). */
export const todayOf = (time: TimeSource): string => shanghaiDate(time.now());

/** Dates of things that happened (receipt, feedback, filing) cannot be in the future. */
export function assertNotFuture(time: TimeSource, field: string, date: string): void {
  if (date > todayOf(time)) throw LiaisonErrors.invalid(field, '日期不能晚于今天');
}
