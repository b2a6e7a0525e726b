import { weekday } from '@fuyi/kernel';
// The package's own data table (the one its isWorkday/isHoliday consult). We read it directly because
// the package's date functions go through local-time Date methods and shift by a day in time zones
// west of UTC; the table itself is plain 'YYYY-MM-DD' keys, so this stays time-zone independent.
import packageData from 'chinese-days/dist/chinese-days.json';
import { WorkingCalendar, type DayOverride } from './working-calendar';

/** First year chinese-days carries an arrangement for. */
export const PACKAGED_FIRST_YEAR = 2004;

interface PackageTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package writes some names short ('清明'); the office writes them in full.
const NAME_FIXES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

/** 'National Day,国庆节,3' → '国庆节' */
function chineseName(entry: string): string {
  const zh = entry.split(',')[1]?.trim() || entry;
  return NAME_FIXES[zh] ?? zh;
}

let cached: { days: DayOverride[]; loadedYears: number[] } | undefined;

/**
 * The official arrangements shipped in chinese-days, 2004 through the latest year it has, as calendar rows.
 * Make-up workdays are the package's `workdays` entries (what isWorkday uses, not isInLieu) that fall
 * on a Saturday or Sunday; a weekday listed there is an ordinary working day and needs no row.
 */
export function packagedCalendarDays(): { days: DayOverride[]; loadedYears: number[] } {
  if (!cached) cached = build(packageData as PackageTable);
  return { days: cached.days.map((d) => ({ ...d })), loadedYears: [...cached.loadedYears] };
}

/** The packaged calendar: version 0, source 'package'. */
export function packagedCalendar(options?: { makeUpDaysCount?: boolean }): WorkingCalendar {
  const { days, loadedYears } = packagedCalendarDays();
  return new WorkingCalendar({ days, loadedYears, version: 0, source: 'package', ...options });
}

function build(table: PackageTable): { days: DayOverride[]; loadedYears: number[] } {
  const days: DayOverride[] = [];
  for (const [date, entry] of Object.entries(table.holidays)) {
    days.push({ date, kind: 'holiday', name: chineseName(entry) });
  }
  for (const [date, entry] of Object.entries(table.workdays)) {
    const wd = weekday(date);
    if (wd === 0 || wd === 6) days.push({ date, kind: 'workday', name: chineseName(entry) });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Every published arrangement includes New Year's Day, so a year is loaded iff the table has holidays in it.
  const years = new Set(days.filter((d) => d.kind === 'holiday').map((d) => Number(d.date.slice(0, 4))));
  const last = Math.max(...years);
  const loadedYears: number[] = [];
  for (let y = PACKAGED_FIRST_YEAR; y <= last; y++) loadedYears.push(y);
  return { days, loadedYears };
}
