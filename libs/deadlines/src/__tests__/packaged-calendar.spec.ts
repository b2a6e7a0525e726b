import { packagedCalendar, packagedCalendarDays } from '@fuyi/deadlines';

const rows = packagedCalendarDays();
const of = (kind: string, year: string) =>
  rows.days.filter((d) => d.kind === kind && d.date.startsWith(year)).map((d) => d.date);

describe('packaged calendar (chinese-days)', () => {
  it('loads 2004 through the latest year the package carries', () => {
    expect(rows.loadedYears[0]).toBe(2004);
    expect(rows.loadedYears).toContain(2026);
    expect(rows.loadedYears).toEqual(
      Array.from({ length: rows.loadedYears.length }, (_, i) => 2004 + i),
    );
  });

  it('has exactly the 2026 make-up workdays of the State Council notice', () => {
    expect(of('workday', '2026')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(of('workday', '2025')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('has the 2026 rest days with Chinese names', () => {
    const h2026 = rows.days.filter((d) => d.kind === 'holiday' && d.date.startsWith('2026'));
    expect(h2026.map((d) => d.date)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03',
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
      '2026-04-04', '2026-04-05', '2026-04-06',
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
      '2026-06-19', '2026-06-20', '2026-06-21',
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(new Set(h2026.map((d) => d.name))).toEqual(new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']));
  });

  it('has the 2025 rest days (8-day National Day incl. Mid-Autumn)', () => {
    expect(of('holiday', '2025')).toEqual([
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
      '2025-04-04', '2025-04-05', '2025-04-06',
      '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
      '2025-05-31', '2025-06-01', '2025-06-02',
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
    ]);
  });

  it('keeps the unplanned 2015-09-03 holiday and only weekend make-up days', () => {
    expect(rows.days.find((d) => d.date === '2015-09-03')?.kind).toBe('holiday');
    for (const d of rows.days.filter((x) => x.kind === 'workday')) {
      const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).toContain(wd);
    }
  });

  it('returns fresh copies and a version-0 package calendar', () => {
    const a = packagedCalendarDays();
    a.days[0].name = 'changed';
    expect(packagedCalendarDays().days[0].name).not.toBe('changed');
    const cal = packagedCalendar();
    expect(cal).toMatchObject({ version: 0, source: 'package', makeUpDaysCount: true });
    expect(cal.isLoaded(2027)).toBe(false);
  });
});
