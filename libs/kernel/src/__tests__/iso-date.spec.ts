import { addDays, diffDays, endOfShanghaiDay, isIsoDate, shanghaiDate, weekday } from '../iso-date';

describe('shanghaiDate: the Asia/Shanghai (UTC+8) calendar day of an instant', () => {
  it.each([
    ['2026-11-09T15:59:59.999Z', '2026-11-09'], // 23:59:59.999 in Beijing
    ['2026-11-09T16:00:00.000Z', '2026-11-10'], // midnight in Beijing
    ['2026-11-10T00:00:00.000Z', '2026-11-10'], // 08:00 in Beijing
    ['2026-11-10T15:59:59.999Z', '2026-11-10'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'], // New Year in Beijing, still 31 December in UTC
    ['2028-02-28T16:00:00.000Z', '2028-02-29'], // leap day
    ['2026-11-10T00:30:00+08:00', '2026-11-10'],
    ['2026-11-09T23:59:00-05:00', '2026-11-10'],
  ])('%s → %s', (instant, day) => {
    expect(shanghaiDate(new Date(instant))).toBe(day);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(shanghaiDate(new Date('2026-11-09T16:00:00Z'))).toBe('2026-11-10');
        expect(shanghaiDate(new Date('2026-11-09T15:59:59Z'))).toBe('2026-11-09');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('endOfShanghaiDay is the next Beijing midnight, and round-trips with shanghaiDate', () => {
    const end = endOfShanghaiDay('2026-11-10');
    expect(end.toISOString()).toBe('2026-11-10T16:00:00.000Z');
    expect(shanghaiDate(end)).toBe('2026-11-11');
    expect(shanghaiDate(new Date(end.getTime() - 1))).toBe('2026-11-10');
  });
});

describe('calendar dates as YYYY-MM-DD', () => {
  it.each([
    ['2026-11-10', true], ['2028-02-29', true], ['2000-02-29', true],
    ['2026-02-29', false], ['1900-02-29', false], ['2026-02-30', false], ['2026-04-31', false], ['2026-13-01', false],
    ['2026-00-10', false], ['2026-11-00', false], ['2026-1-10', false], ['2026/11/10', false], ['2026-11-10T00:00:00Z', false],
    ['', false], [20261110, false], [null, false], [undefined, false],
  ])('isIsoDate(%p) = %p', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('adds and subtracts days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(diffDays('2027-01-01', '2026-12-31')).toBe(1);
    expect(weekday('2026-11-10')).toBe(2); // Tuesday
    expect(weekday('1970-01-01')).toBe(4); // Thursday
  });
});
