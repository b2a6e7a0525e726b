import { computeDeadline, packagedCalendar, type DeadlineInput } from '@fuyi/deadlines';

/**
 * Issue 12 item 1, domain.md §4 (corrected): suspended days lengthen the period itself. Day N = start + period
 * (+ extension) + suspended days, then rolled forward ONCE to a working day. A holiday roll-forward is not part of
 * the period and is never carried along. Every expected date below is counted by hand on the 2026 arrangement:
 *   2026 off: 01-01..03, 02-15..23, 04-04..06, 05-01..05, 06-19..21, 09-25..27, 10-01..07;
 *   make-up workdays: Sun 01-04, Sat 02-14, Sat 02-28, Sat 05-09, Sun 09-20, Sat 10-10.
 * Suspended days are [S, R): from the suspension day up to the day before resumption.
 */
const calendar = packagedCalendar();
const due = (input: DeadlineInput) => computeDeadline(input, calendar);

describe('suspension shapes (hand-counted, domain.md §4)', () => {
  it('plain suspension: the worked example of §4', () => {
    // accepted Mon 03-02; day 60 = Fri 05-01 (Labour Day). Suspended 03-10..03-16 (resumed 03-17) = 7 days.
    // 05-01 + 7 = Fri 05-08, a working day → 05-08. (The old rule rolled first: 05-06 + 7 = 05-13.)
    const r = due({ rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] });
    expect(r).toMatchObject({ due: '2026-05-08', suspendedDays: 7, paused: false });
    // Without the suspension the period ends Wed 05-06 (05-01..05-05 off).
    expect(due({ rule: 'decision', start: '2026-03-02' }).due).toBe('2026-05-06');
  });

  it('plain suspension: mediation on an accepted case (issue 12 item 1)', () => {
    // accepted Tue 10-13; day 60 = Sat 12-12. Mediation 12-01..12-04 (resumed 12-05) = 4 days.
    // 12-12 + 4 = Wed 12-16, a working day → 12-16. (Old: Mon 12-14 + 4 = 12-18.)
    expect(due({ rule: 'decision', start: '2026-10-13', suspensions: [{ from: '2026-12-01', to: '2026-12-05' }] }).due).toBe('2026-12-16');
  });

  it('plain suspension whose moved last day is a weekend rolls forward once', () => {
    // accepted 08-04; day 60 = Sat 10-03. Suspended 09-01..09-10 (resumed 09-11) = 10 days → Tue 10-13.
    expect(due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-09-01', to: '2026-09-11' }] }).due).toBe('2026-10-13');
    // Suspended 09-01..09-02 = 2 days → Mon 10-05 (National Day) → 10-06, 10-07 off → Thu 10-08.
    expect(due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-09-01', to: '2026-09-03' }] }).due).toBe('2026-10-08');
  });

  it('suspension starting inside the holiday roll-forward keeps only the remaining grace', () => {
    // accepted 08-04; day 60 = Sat 10-03; roll-forward 10-03..10-07 off → Thu 10-08.
    // Suspended Mon 10-05 (inside the roll-forward), resumed Thu 10-15: the grace left at 10-05 was "the next
    // working day"; it runs again from 10-15 → Thu 10-15 (not 10-03 + 10 = 10-13, which would end before resumption).
    const r = due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-05', to: '2026-10-15' }] });
    expect(r).toMatchObject({ due: '2026-10-15', suspendedDays: 10 });
    expect(r.explanation.join('\n')).toContain('仅保留剩余的顺延期间');
    // Suspended 10-05, resumed 10-07 (both inside the holidays): the next working day from 10-07 is still 10-08.
    expect(due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-05', to: '2026-10-07' }] }).due).toBe('2026-10-08');
    // Suspended on Fri 10-09, after the period ended on 10-08: no effect.
    expect(due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-09', to: '2026-10-20' }] })).toMatchObject({ due: '2026-10-08', suspendedDays: 0 });
  });

  it('suspension starting exactly on day N when day N is a holiday: it lengthens the period (S is not after the last day)', () => {
    // accepted 03-02; day 60 = Fri 05-01 (Labour Day, off 05-01..05-05). Suspended 05-01, resumed Fri 05-08:
    // 05-01..05-07 = 7 days; 05-01 + 7 = Fri 05-08, a working day → 05-08.
    expect(due({ rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-05-01', to: '2026-05-08' }] }))
      .toMatchObject({ due: '2026-05-08', suspendedDays: 7 });
    // Resumed Mon 05-04: 05-01..05-03 = 3 days; 05-01 + 3 = Mon 05-04 (off), 05-05 off → Wed 05-06, as without it.
    expect(due({ rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-05-01', to: '2026-05-04' }] }))
      .toMatchObject({ due: '2026-05-06', suspendedDays: 3 });
    // accepted 08-04; day 60 = Sat 10-03 (National Day). Suspended 10-03, resumed Mon 10-12: 10-03..10-11 = 9 days;
    // 10-03 + 9 = Mon 10-12, a working day → 10-12.
    expect(due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-03', to: '2026-10-12' }] }))
      .toMatchObject({ due: '2026-10-12', suspendedDays: 9 });
  });

  it('open suspension inside the holiday roll-forward: the remaining grace runs from the as-of day', () => {
    // accepted 08-04; day 60 = Sat 10-03; roll-forward 10-03..10-07 off → Thu 10-08. Suspended Mon 10-05, still open.
    const open = (asOf: string) => due({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-05' }], asOf });
    // As of its own first day nothing is suspended yet: still 10-08, paused.
    expect(open('2026-10-05')).toMatchObject({ due: '2026-10-08', paused: true, suspendedDays: 0 });
    // As of Tue 10-06: 10-05 = 1 day; first working day on or after 10-06: 10-07 off → Thu 10-08.
    expect(open('2026-10-06')).toMatchObject({ due: '2026-10-08', paused: true, suspendedDays: 1 });
    // As of Fri 10-09 (working): 10-05..10-08 = 4 days → 10-09.
    expect(open('2026-10-09')).toMatchObject({ due: '2026-10-09', paused: true, suspendedDays: 4 });
    // As of Sat 10-10, a make-up workday: → 10-10. As of Sun 10-11: → Mon 10-12 (10-05..10-10 = 6 days).
    expect(open('2026-10-10').due).toBe('2026-10-10');
    expect(open('2026-10-11')).toMatchObject({ due: '2026-10-12', suspendedDays: 6 });
  });

  it('several suspensions add up before the one roll-forward', () => {
    // accepted 03-02; day 60 = Fri 05-01. Suspended 03-10..03-16 (7) and 04-01..04-02 (resumed 04-03: 2) = 9 days.
    // 05-01 + 9 = Sun 05-10 → Mon 05-11 (Sat 05-09 is a make-up workday but 05-10 is not).
    const r = due({
      rule: 'decision', start: '2026-03-02',
      suspensions: [{ from: '2026-03-10', to: '2026-03-17' }, { from: '2026-04-01', to: '2026-04-03' }],
    });
    expect(r).toMatchObject({ due: '2026-05-11', suspendedDays: 9 });
    // A second suspension that starts on the lengthened last day still counts: 05-01 + 7 = 05-08; suspended
    // 05-08..05-11 (resumed 05-12) = 4 more → 05-12 Tue.
    expect(due({
      rule: 'decision', start: '2026-03-02',
      suspensions: [{ from: '2026-03-10', to: '2026-03-17' }, { from: '2026-05-08', to: '2026-05-12' }],
    }).due).toBe('2026-05-12');
  });

  it('open (unresumed) suspension: projected as if it resumed on the as-of day, paused', () => {
    // accepted 03-02; suspended 03-10, still open on 03-20: 03-10..03-19 = 10 days; 05-01 + 10 = Mon 05-11.
    const r = due({ rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-10' }], asOf: '2026-03-20' });
    expect(r).toMatchObject({ due: '2026-05-11', paused: true, suspendedDays: 10 });
    // One day later: 11 days → Tue 05-12.
    expect(due({ rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-10' }], asOf: '2026-03-21' }).due).toBe('2026-05-12');
  });

  it('with an extension (ARL 62): 60 + 30 days, then the suspended days, then one roll-forward', () => {
    // accepted 03-02; day 90 = Sun 05-31. Suspended 03-10..03-16 = 7 days: 05-31 + 7 = Sun 06-07 → Mon 06-08.
    // (Old rule: 05-31 → Mon 06-01, + 7 = Mon 06-08: same here; the holiday case below differs.)
    expect(due({ rule: 'decision', start: '2026-03-02', extensionDays: 30, suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] }).due).toBe('2026-06-08');
    // accepted 08-04; day 90 = Mon 11-02. Suspended 08-20..08-24 = 5 days: 11-02 + 5 = Sat 11-07 → Mon 11-09.
    expect(due({ rule: 'decision', start: '2026-08-04', extensionDays: 30, suspensions: [{ from: '2026-08-20', to: '2026-08-25' }] }).due).toBe('2026-11-09');
    // accepted 07-03; day 90 = Thu 10-01 (National Day). Suspended 07-10..07-12 = 3 days: 10-04 off → Thu 10-08.
    // (Old: 10-08 + 3 = Sun 10-11 → Mon 10-12.)
    expect(due({ rule: 'decision', start: '2026-07-03', extensionDays: 30, suspensions: [{ from: '2026-07-10', to: '2026-07-13' }] }).due).toBe('2026-10-08');
  });

  it('after conversion simplified → ordinary: the ordinary period from acceptance keeps the simplified suspensions', () => {
    // accepted 08-04 under the simplified procedure: day 30 = Thu 09-03. Suspended 08-10..08-19 (resumed 08-20) =
    // 10 days: simplified due 09-13 Sun → Mon 09-14. Converted to ordinary on 08-25: the decision clock runs from
    // acceptance with the same suspension: day 60 Sat 10-03 + 10 = Tue 10-13.
    const suspensions = [{ from: '2026-08-10', to: '2026-08-20' }];
    expect(due({ rule: 'decision-simplified', start: '2026-08-04', suspensions }).due).toBe('2026-09-14');
    expect(due({ rule: 'decision', start: '2026-08-04', suspensions }).due).toBe('2026-10-13');
    // Without carrying it over, the ordinary clock would end on 10-08, five days early.
    expect(due({ rule: 'decision', start: '2026-08-04' }).due).toBe('2026-10-08');
  });

  it('simplified procedure (30 days): Spring Festival', () => {
    // accepted Fri 01-16; day 30 = Sun 02-15 (Spring Festival). Suspended 01-20..01-29 = 10 days: Wed 02-25.
    // (Old: 02-24 + 10 = 03-06.)
    expect(due({ rule: 'decision-simplified', start: '2026-01-16', suspensions: [{ from: '2026-01-20', to: '2026-01-30' }] }).due).toBe('2026-02-25');
  });
});
