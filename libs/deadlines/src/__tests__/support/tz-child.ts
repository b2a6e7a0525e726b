// Run by timezone.spec.ts in a child process under a given TZ; prints one JSON line.
import { addDays, diffDays } from '@fuyi/kernel';
import { isWorkday } from 'chinese-days';
import { packagedCalendar } from '@fuyi/deadlines';
import { digestResults } from './sample';

const calendar = packagedCalendar();
const last = `${calendar.loadedYears[calendar.loadedYears.length - 1]}-12-31`;
let mismatches = 0;
let checked = 0;
for (let d = '2004-01-01'; diffDays(last, d) >= 0; d = addDays(d, 1), checked++) {
  if (isWorkday(d) !== calendar.isWorkingDay(d)) mismatches++;
}
process.stdout.write(
  JSON.stringify({
    tz: process.env.TZ,
    offsetMinutes: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
    digest: digestResults(calendar),
    checked,
    mismatches,
  }) + '\n',
);
