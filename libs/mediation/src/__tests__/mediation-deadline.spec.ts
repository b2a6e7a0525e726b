import { packagedCalendar } from '@fuyi/deadlines';
import { MediationClock } from '../services/mediation-clock';

/** Issue 12 item 8: a mediation time limit carries the provisional flag and the explanation like every due date. */
describe('mediation time limit: provisional flag and explanation', () => {
  const clock = new MediationClock(null as never, { mediationDaysBeforeFiling: 30, mediationDaysInCase: 15 } as never);
  const calendar = packagedCalendar(); // 2026 loaded, 2027 not

  it('a 2027 due date is provisional and says so', () => {
    // Taken Sun 2026-12-20, 30 days before filing: day 30 = Tue 2027-01-19 (2027 arrangement not published).
    const d = clock.deadlineWith(calendar, { case_id: null, taken_on: '2026-12-20', extension_days: 0 })!;
    expect(d).toMatchObject({ due: '2027-01-19', provisional: true });
    expect(d.explanation.join('\n')).toContain('暂定：2027年放假安排尚未载入工作日历');
    expect(d.explanation[0]).toContain('2026-12-20');
  });

  it('a 2026 due date in a case (15 days) is final, explained, and follows an extension', () => {
    // Taken Mon 2026-09-21, 15 days: day 15 = Tue 10-06 (National Day) → Thu 10-08.
    const d = clock.deadlineWith(calendar, { case_id: 'c', taken_on: '2026-09-21', extension_days: 0 })!;
    expect(d).toMatchObject({ due: '2026-10-08', provisional: false });
    expect(d.explanation.join('\n')).toContain('顺延至其后第一个工作日2026-10-08');
    // + 10 days by consent: day 25 = Fri 10-16.
    expect(clock.deadlineWith(calendar, { case_id: 'c', taken_on: '2026-09-21', extension_days: 10 })).toMatchObject({ due: '2026-10-16', provisional: false });
    expect(clock.deadlineWith(calendar, { case_id: null, taken_on: null, extension_days: 0 })).toBeNull();
  });
});
