import { DomainError } from '@fuyi/kernel';
import { computeDeadline, packagedCalendarDays, WorkingCalendar, type DayOverride } from '@fuyi/deadlines';

function databaseCalendar(extra: DayOverride[], makeUpDaysCount?: boolean): WorkingCalendar {
  const { days, loadedYears } = packagedCalendarDays();
  return new WorkingCalendar({ days: [...days, ...extra], loadedYears, version: 7, source: 'database', makeUpDaysCount });
}

describe('WorkingCalendar', () => {
  const calendar = databaseCalendar([{ date: '2026-07-20', kind: 'closure', name: '台风' }]);

  it('classifies days of a loaded year', () => {
    expect(calendar.isWorkingDay('2026-10-09')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false); // National Day (a Monday)
    expect(calendar.isWorkingDay('2026-07-20')).toBe(false); // closure on a Monday
    expect(calendar.isLoaded(2026)).toBe(true);
    expect(calendar.isLoaded(2027)).toBe(false);
  });

  it('describes why a day is (not) working, in Chinese', () => {
    expect(calendar.describe('2026-10-17')).toBe('周六');
    expect(calendar.describe('2026-10-18')).toBe('周日');
    expect(calendar.describe('2026-10-02')).toBe('国庆节');
    expect(calendar.describe('2026-04-06')).toBe('清明节');
    expect(calendar.describe('2025-10-06')).toBe('中秋节');
    expect(calendar.describe('2026-02-14')).toBe('调休上班日（春节）');
    expect(calendar.describe('2026-07-20')).toBe('台风（停止办公）');
    expect(calendar.describe('2026-07-21')).toBe('工作日');
    expect(calendar.describe('2027-10-02')).toBe('国庆节（暂定）');
    expect(calendar.describe('2027-01-09')).toBe('周六（暂定）');
    expect(calendar.dayInfo('2027-05-02')).toEqual({
      date: '2027-05-02', working: false, kind: 'holiday', name: '劳动节', provisional: true,
    });
  });

  it('uses weekends and fixed-date holidays for a year that is not loaded', () => {
    // 2027: New Year 01-01 (Fri), Labour Day 05-01..02, National Day 10-01..03; no make-up days.
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-10')).toBe(true); // Spring Festival is lunar: not guessed
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-10-04')).toBe(true);
    // far outside the precomputed range the same fallback applies
    expect(calendar.isWorkingDay('2500-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2500-10-04')).toBe(true); // a Monday
    expect(calendar.describe('1950-05-01')).toBe('劳动节（暂定）');
  });

  it('turns make-up workdays off when the ARL 88 setting says so', () => {
    const off = databaseCalendar([], false);
    expect(off.isWorkingDay('2026-10-10')).toBe(false);
    expect(off.describe('2026-10-10')).toBe('调休上班日（国庆节），按本系统设置不计为工作日');
    expect(off.makeUpDaysCount).toBe(false);
  });

  it('lets a closure win over a make-up workday and an admin-entered holiday stand in an unloaded year', () => {
    const c = databaseCalendar([
      { date: '2026-10-10', kind: 'closure', name: '暴雨停止办公' },
      { date: '2027-02-08', kind: 'holiday', name: '春节' },
    ]);
    expect(c.isWorkingDay('2026-10-10')).toBe(false);
    expect(c.describe('2026-10-10')).toBe('暴雨停止办公');
    expect(c.isWorkingDay('2027-02-08')).toBe(false);
    expect(c.dayInfo('2027-02-08').provisional).toBe(true); // still a provisional year
  });

  it('rejects a table that marks a day both holiday and make-up workday, and bad rows', () => {
    const clash = () =>
      new WorkingCalendar({
        days: [
          { date: '2026-10-10', kind: 'workday', name: '国庆节' },
          { date: '2026-10-10', kind: 'holiday', name: '国庆节' },
        ],
        loadedYears: [2026],
        version: 1,
        source: 'database',
      });
    expect(clash).toThrow(DomainError);
    expect(clash).toThrow(expect.objectContaining({ code: 'DEADLINE_CALENDAR_INVALID' }));
    const badDate = () =>
      new WorkingCalendar({ days: [{ date: '2026-13-01', kind: 'holiday', name: 'x' }], loadedYears: [], version: 1, source: 'database' });
    expect(badDate).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID_DATE' }));
    const badVersion = () => new WorkingCalendar({ days: [], loadedYears: [], version: -1, source: 'database' });
    expect(badVersion).toThrow(expect.objectContaining({ code: 'DEADLINE_CALENDAR_INVALID' }));
  });

  it('skips a closure when counting, for working and calendar periods', () => {
    // 2026-07-17 Fri: weekend, closure Mon 07-20, then 21, 22, 23, 24, 27
    const r = computeDeadline({ rule: 'acceptance-review', start: '2026-07-17' }, calendar);
    expect(r).toMatchObject({ due: '2026-07-27', calendarVersion: 7, calendarSource: 'database' });
    expect(r.explanation).toContain('2026-07-18至2026-07-20 周六、周日、台风（停止办公），不计入。');
    // 2026-07-05 + 15 = Mon 07-20, closed → Tue 07-21
    expect(computeDeadline({ rule: 'lawsuit', start: '2026-07-05' }, calendar).due).toBe('2026-07-21');
  });

  it('answers a lookup in well under a microsecond', () => {
    const start = 20_000; // epoch days ~2024
    let working = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 1_000_000; i++) if (calendar.isWorkingEpochDay(start + (i % 1500))) working++;
    const ns = Number(process.hrtime.bigint() - t0) / 1_000_000;
    expect(working).toBeGreaterThan(0);
    expect(ns).toBeLessThan(1000);
  });
});
