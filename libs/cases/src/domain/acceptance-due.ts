import { addDays, weekday, type IsoDate } from '@fuyi/kernel';

/** Temporary: plain weekday count for the 5-working-day acceptance review (ARL 30), until the calendar lands. */
export function acceptanceReviewDue(receiptDate: IsoDate): IsoDate {
  let d = receiptDate;
  for (let n = 0; n < 5; ) {
    d = addDays(d, 1);
    if (weekday(d) !== 0 && weekday(d) !== 6) n++;
  }
  return d;
}
