import { computeDeadline, packagedCalendar } from '@fuyi/deadlines';
import { applicationPeriodFacts, yearsLater } from '../domain/application-period';
import { nextWorkingDayOn } from '../domain/application-period.view';

/** ARL 20-21 facts; every date below is counted by hand on the 2026 arrangement (domain.md §5). */
describe('application period (ARL 20-21)', () => {
  const calendar = packagedCalendar();
  const nextWorkingDay = nextWorkingDayOn(calendar);
  const facts = (knownDate: string, receivedOn: string, extra: { actDate?: string; category?: string } = {}) => {
    const clock = computeDeadline({ rule: 'application', start: knownDate }, calendar);
    return applicationPeriodFacts({
      knownDate, receivedOn, actDate: extra.actDate ?? null, category: extra.category ?? 'penalty', due: clock.due, provisional: clock.provisional, nextWorkingDay,
    });
  };

  it('a known date 200 days before the receipt: 140 days over (Fri 04-24 + 60 = Tue 06-23, a working day), with both exceptions', () => {
    const f = facts('2026-04-24', '2026-11-10');
    expect(f).toMatchObject({ due: '2026-06-23', late: true, daysOver: 140, provisional: false });
    expect(f.warning).toContain('超过法定申请期限140日');
    expect(f.warning).toContain('不得仅以超过期限为由不予受理');
    expect(f.exceptions.map((e) => e.code)).toEqual(['OBSTACLE', 'NO_NOTICE_OF_RIGHTS']);
    // ARL 20(3): one year from knowing the act, 2027-04-24 is a Saturday (2027 unpublished: weekends only), so Mon 04-26.
    expect(f.exceptions[1]).toMatchObject({ article: '《行政复议法》第二十条第三款', lastDay: '2027-04-26', withinCap: true });
  });

  it('the CPL 85 roll-forward belongs to the applicant: day 60 on National Day ends the period on 10-08, so 10-08 is in time and 10-09 one day over', () => {
    expect(facts('2026-08-04', '2026-10-08')).toMatchObject({ due: '2026-10-08', late: false, daysOver: 0, exceptions: [], warning: null });
    expect(facts('2026-08-04', '2026-10-09')).toMatchObject({ late: true, daysOver: 1 });
  });

  it('says when even ARL 20(3) cannot help: received more than a year after knowing the act (Sat 2026-01-10 rolls to Mon 01-12)', () => {
    const f = facts('2025-01-10', '2026-11-10');
    expect(f.exceptions[1]).toMatchObject({ lastDay: '2026-01-12', withinCap: false });
    expect(f.exceptions[1].text).toContain('已超过该一年期限');
  });

  it('ARL 21: five years from the act (Sun 2026-03-01 rolls to Mon 03-02) flags an application that is otherwise in time', () => {
    const f = facts('2026-11-01', '2026-11-10', { actDate: '2021-03-01' });
    expect(f.late).toBe(false);
    expect(f.absoluteLimit).toMatchObject({ realProperty: false, years: 5, lastDay: '2026-03-02', exceeded: true });
    expect(f.warning).toContain('第二十一条');
    expect(f.warning).toContain('系统不自动不予受理');
  });

  it('ARL 21: twenty years for real property (expropriation, demolition)', () => {
    const f = facts('2026-11-01', '2026-11-10', { actDate: '2010-05-06', category: 'expropriation' });
    expect(f.absoluteLimit).toMatchObject({ realProperty: true, years: 20, lastDay: '2030-05-06', exceeded: false });
    expect(f.warning).toBeNull();
  });

  it('a period in years from 29 February ends on 28 February of a common year', () => {
    expect(yearsLater('2024-02-29', 1, (d) => d)).toBe('2025-02-28');
    expect(yearsLater('2024-02-29', 4, (d) => d)).toBe('2028-02-29');
  });
});
