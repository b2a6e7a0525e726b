import { computeDeadline, packagedCalendar, type DeadlineInput, type RuleId } from '@fuyi/deadlines';

/**
 * Expected dates counted by hand from the State Council arrangements (domain.md §5), not by the engine.
 * 2025 off: 01-01, 01-28..02-04, 04-04..06, 05-01..05, 05-31..06-02, 10-01..08;
 *      make-up: Sun 01-26, Sat 02-08, Sun 04-27, Sun 09-28, Sat 10-11.
 * 2026 off: 01-01..03, 02-15..23, 04-04..06, 05-01..05, 06-19..21, 09-25..27, 10-01..07;
 *      make-up: Sun 01-04, Sat 02-14, Sat 02-28, Sat 05-09, Sun 09-20, Sat 10-10.
 * 2027 is not loaded: weekends + 01-01, 05-01..02, 10-01..03 (provisional).
 */
type Row = [RuleId, string, string, Partial<DeadlineInput>?, { provisional?: boolean; makeUpOff?: boolean }?];

const rows: Row[] = [
  // acceptance-review, 5 working days (ARL 30)
  ['acceptance-review', '2026-09-29', '2026-10-12'], // domain.md example: 09-30, 10-08, 10-09, Sat 10-10, 10-12
  ['acceptance-review', '2026-02-13', '2026-02-27'], // Sat 02-14 make-up, 02-24, 25, 26, 27
  ['acceptance-review', '2026-02-14', '2026-02-28'], // start on make-up Sat; 02-24..27, make-up Sat 02-28 last
  ['acceptance-review', '2025-09-26', '2025-10-10'], // Sun 09-28 make-up, 29, 30, 10-09, 10-10
  ['acceptance-review', '2026-09-29', '2026-10-13', {}, { makeUpOff: true }], // Sat 10-10 not counted
  ['acceptance-review', '2027-04-30', '2027-05-07', {}, { provisional: true }], // 05-03..05-07
  ['acceptance-review', '2027-09-30', '2027-10-08', {}, { provisional: true }], // 10-01..03 off, 10-04..08
  // correction-notice, 5 working days (ARL 31)
  ['correction-notice', '2025-01-24', '2025-02-07'], // Sun 01-26, 01-27, (01-28..02-04 off), 02-05, 06, 07
  ['correction-notice', '2026-12-28', '2027-01-05', {}, { provisional: true }], // 12-29..31, 2027-01-04, 05
  ['correction-notice', '2026-04-30', '2026-05-11'], // 05-06, 07, 08, Sat 05-09 make-up (middle), 05-11
  // applicant-correction, 10 working days (ARL 31), extendable (policy cap 10)
  ['applicant-correction', '2026-09-18', '2026-10-09'], // Sun 09-20, 21-24, 28-30, 10-08, 10-09
  ['applicant-correction', '2026-09-18', '2026-10-15', { extensionDays: 5 }], // + Sat 10-10, 12, 13, 14, 15
  ['applicant-correction', '2025-12-25', '2026-01-09'], // 12-26, 29, 30, 31, Sun 01-04, 05..09
  // copy-to-respondent, 7 working days (ARL 48)
  ['copy-to-respondent', '2026-02-10', '2026-02-26'], // 11, 12, 13, Sat 14, (15..23 off), 24, 25, 26
  ['copy-to-respondent', '2025-04-25', '2025-05-08'], // Sun 04-27, 28, 29, 30, (05-01..05 off), 06, 07, 08
  // respondent-reply, 10 working days (ARL 48)
  ['respondent-reply', '2025-09-30', '2025-10-21'], // 10-09, 10, Sat 11, 13..17, 20, 21
  ['respondent-reply', '2025-09-30', '2025-10-22', {}, { makeUpOff: true }], // Sat 10-11 not counted
  ['respondent-reply', '2026-05-29', '2026-06-12'], // 06-01..05, 08..12
  // simplified-copy, 3 working days (ARL 54)
  ['simplified-copy', '2026-06-18', '2026-06-24'], // (19..21 off) 22, 23, 24
  ['simplified-copy', '2026-01-02', '2026-01-06'], // start on a holiday; Sun 01-04 make-up, 05, 06
  // simplified-reply, 5 working days (ARL 54)
  ['simplified-reply', '2026-09-18', '2026-09-24'], // Sun 09-20 make-up, 21, 22, 23, 24
  ['simplified-reply', '2025-05-30', '2025-06-09'], // (05-31..06-02 off) 03, 04, 05, 06, 09
  // hearing-notice: 5 working days before the hearing (ARL 51), counted backwards
  ['hearing-notice', '2026-10-12', '2026-09-29'], // Sat 10-10, 09, 08, (10-01..07 off), 09-30, 09-29
  ['hearing-notice', '2025-02-07', '2025-01-24'], // 06, 05, (02-04..01-28 off), 01-27, Sun 01-26, 01-24
  ['hearing-notice', '2026-10-12', '2026-09-28', {}, { makeUpOff: true }], // 09, 08, 09-30, 29, 28
  // decision, 60 calendar days (ARL 62; CPL 85)
  ['decision', '2026-08-04', '2026-10-08'], // domain.md example: day 60 = 10-03 (National Day) → 10-08
  ['decision', '2025-11-02', '2026-01-04'], // day 60 = 2026-01-01 → 01-02, 01-03 off → Sun 01-04 make-up
  ['decision', '2026-08-04', '2026-11-02', { extensionDays: 30 }], // day 90 = Mon 11-02
  // Suspension (domain.md §4): the suspended days lengthen the period: day N + suspended days, rolled forward once.
  ['decision', '2026-08-04', '2026-10-08', { suspensions: [{ from: '2026-08-20', to: '2026-08-25' }] }], // day 60 Sat 10-03 + 5 = Thu 10-08
  ['decision', '2026-08-04', '2026-10-08', { suspensions: [{ from: '2026-09-01', to: '2026-09-03' }] }], // 10-03 + 2 = Mon 10-05 (National Day) → 10-08
  ['decision', '2026-08-04', '2026-10-08', { suspensions: [{ from: '2026-09-01', to: '2026-09-03' }] }, { makeUpOff: true }], // same: 10-05..07 off → 10-08
  ['decision', '2026-08-04', '2026-10-13', { suspensions: [{ from: '2026-09-01', to: '2026-09-11' }] }], // 10-03 + 10 = Tue 10-13
  ['decision', '2026-03-02', '2026-05-11', { suspensions: [{ from: '2026-03-02', to: '2026-03-12' }] }], // day 0 not counted: 9 days (03-03..11); 05-01 + 9 = Sun 05-10 → Mon 05-11
  ['decision', '2026-08-04', '2026-10-08', { suspensions: [{ from: '2026-10-09', to: '2026-10-20' }] }], // starts after 10-08: no effect
  ['decision', '2026-08-04', '2026-10-15', { suspensions: [{ from: '2026-10-05', to: '2026-10-15' }] }], // inside the roll-forward 10-03..08: remaining grace from resumption, Thu 10-15
  ['decision', '2026-08-04', '2026-10-15', { suspensions: [{ from: '2026-08-20' }], asOf: '2026-09-01' }], // open: 12 days, 10-03 + 12 = Thu 10-15
  // the second suspension starts after the period ended (10-03 + 2 = 10-05 → 10-08 < 10-11):
  ['decision', '2026-08-04', '2026-10-08', { suspensions: [{ from: '2026-08-20', to: '2026-08-22' }, { from: '2026-10-11', to: '2026-10-14' }] }],
  ['decision', '2026-08-04', '2026-10-08', { suspensions: [{ from: '2026-08-20', to: '2026-08-22' }, { from: '2026-10-11', to: '2026-10-14' }] }, { makeUpOff: true }],
  // decision-simplified, 30 calendar days, no extension (ARL 62)
  ['decision-simplified', '2026-01-16', '2026-02-24'], // day 30 = Sun 02-15 (Spring Festival) → 02-24
  ['decision-simplified', '2025-09-01', '2025-10-09'], // day 30 = 10-01 → 10-09
  ['decision-simplified', '2026-01-16', '2026-02-25', { suspensions: [{ from: '2026-01-20', to: '2026-01-30' }] }], // day 30 02-15 + 10 = Wed 02-25
  ['decision-simplified', '2025-09-01', '2025-10-09', { suspensions: [{ from: '2025-09-10', to: '2025-09-12' }] }], // 10-01 + 2 = 10-03 (off to 10-08) → Thu 10-09
  ['decision-simplified', '2025-09-01', '2025-10-09', { suspensions: [{ from: '2025-09-10', to: '2025-09-13' }] }], // 10-01 + 3 = 10-04 → Thu 10-09
  // suspension-cap, 60 calendar days (ARL 41)
  ['suspension-cap', '2026-02-01', '2026-04-02'], // day 60 = Thu 04-02
  ['suspension-cap', '2026-02-04', '2026-04-07'], // day 60 = Sun 04-05 (Qingming) → 04-06 off → 04-07
  // opinion-feedback, 60 calendar days (ARL 76)
  ['opinion-feedback', '2025-08-02', '2025-10-09'], // day 60 = 10-01 → 10-09
  ['opinion-feedback', '2025-04-01', '2025-06-03'], // day 60 = Sat 05-31 (Dragon Boat) → 06-01, 06-02 off → 06-03
  // lawsuit, 15 calendar days (ALL 45)
  ['lawsuit', '2026-09-15', '2026-09-30'], // plain
  ['lawsuit', '2026-09-19', '2026-10-08'], // day 15 = 10-04 → 10-08
  ['lawsuit', '2025-09-26', '2025-10-11'], // day 15 = Sat 10-11, a make-up workday: no roll
  ['lawsuit', '2026-12-20', '2027-01-04', {}, { provisional: true }], // day 15 = Mon 2027-01-04
  ['lawsuit', '2026-12-17', '2027-01-04', {}, { provisional: true }], // day 15 = 2027-01-01 (fixed) → Mon 01-04
  // application, 60 calendar days (ARL 20), resumes after an obstacle
  ['application', '2025-12-03', '2026-02-02'], // day 60 = Sun 2026-02-01 → Mon 02-02
  ['application', '2026-12-10', '2027-02-08', {}, { provisional: true }], // day 60 = Mon 2027-02-08
  ['application', '2026-01-05', '2026-03-16', { suspensions: [{ from: '2026-01-10', to: '2026-01-20' }] }], // day 60 Fri 03-06 + 10 = Mon 03-16
  ['application', '2025-03-01', '2025-05-06', { suspensions: [{ from: '2025-03-10', to: '2025-03-12' }] }], // day 60 Wed 04-30 + 2 = 05-02 (Labour Day) → Tue 05-06
  // mediation (policy): 30 days before filing, extendable by consent (cap 30)
  ['mediation', '2026-09-01', '2026-10-08'], // day 30 = 10-01 → 10-08
  ['mediation', '2026-09-01', '2026-11-02', { extensionDays: 30 }], // day 60 = Sat 10-31 → Mon 11-02
  // mediation-in-case (policy): 15 days after filing (cap 15)
  ['mediation-in-case', '2026-02-01', '2026-02-24'], // day 15 = 02-16 (Spring Festival) → 02-24
  ['mediation-in-case', '2026-02-01', '2026-03-03', { extensionDays: 15 }], // day 30 = Tue 03-03
];

describe('computeDeadline: hand-counted table (2025/2026 arrangements)', () => {
  const calendar = packagedCalendar();
  const makeUpOff = packagedCalendar({ makeUpDaysCount: false });

  it.each(rows)('%s from %s → %s %j', (rule, start, expected, extra = {}, flags = {}) => {
    const result = computeDeadline({ rule, start, ...extra }, flags.makeUpOff ? makeUpOff : calendar);
    expect(result.due).toBe(expected);
    expect(result.provisional).toBe(flags.provisional ?? false);
    expect(result.paused).toBe(extra.suspensions?.some((s) => s.to === undefined) ?? false);
  });

  it('covers every rule at least twice', () => {
    const counts = new Map<string, number>();
    for (const [rule] of rows) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    expect(counts.size).toBe(16);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(2);
  });

  it('reports suspended days and the extension actually applied', () => {
    const open = computeDeadline(
      { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-20' }], asOf: '2026-09-01' },
      calendar,
    );
    expect(open).toMatchObject({ suspendedDays: 12, paused: true, extensionDays: 0, period: 60, unit: 'calendar' });
    const dayZero = computeDeadline(
      { rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-02', to: '2026-03-12' }] },
      calendar,
    );
    expect(dayZero.suspendedDays).toBe(9); // day 0 is never counted anyway
    const late = computeDeadline(
      { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-09', to: '2026-10-20' }] },
      calendar,
    );
    expect(late.suspendedDays).toBe(0);
    const ext = computeDeadline({ rule: 'decision', start: '2026-08-04', extensionDays: 30 }, calendar);
    expect(ext).toMatchObject({ extensionDays: 30, article: 'ARL 62', calendarVersion: 0, calendarSource: 'package' });
  });

  it('marks the years a provisional result depends on', () => {
    const r = computeDeadline({ rule: 'lawsuit', start: '2026-12-17' }, calendar);
    expect(r.provisionalYears).toEqual([2027]);
    const inside = computeDeadline({ rule: 'lawsuit', start: '2026-12-01' }, calendar); // day 15 = Wed 12-16
    expect(inside).toMatchObject({ due: '2026-12-16', provisional: false, provisionalYears: [] });
  });
});
