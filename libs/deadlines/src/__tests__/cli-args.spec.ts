import { DomainError } from '@fuyi/kernel';
import { computeDeadline, formatDeadlineJson, packagedCalendar, parseDeadlineArgs } from '@fuyi/deadlines';

const codeOf = (argv: string[]): string => {
  try {
    parseDeadlineArgs(argv);
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('parseDeadlineArgs / formatDeadlineJson', () => {
  it('parses rule, start, suspensions (closed and open), extension and as-of', () => {
    expect(
      parseDeadlineArgs([
        '--rule', 'decision', '--from', '2026-08-04',
        '--suspend', '2026-08-20..2026-08-25', '--suspend=2026-09-10..',
        '--extend', '30', '--as-of=2026-09-15',
      ]),
    ).toEqual({
      rule: 'decision',
      start: '2026-08-04',
      suspensions: [{ from: '2026-08-20', to: '2026-08-25' }, { from: '2026-09-10' }],
      extensionDays: 30,
      asOf: '2026-09-15',
    });
    expect(parseDeadlineArgs(['--from', '2026-09-29', '--rule', 'acceptance-review'])).toEqual({
      rule: 'acceptance-review',
      start: '2026-09-29',
    });
  });

  it.each<[string[], string]>([
    [['--from', '2026-09-29'], 'DEADLINE_INVALID_ARGUMENT'],
    [['--rule', 'decision'], 'DEADLINE_INVALID_ARGUMENT'],
    [['--rule', 'decision', '--from'], 'DEADLINE_INVALID_ARGUMENT'],
    [['--rule', 'decision', '--from', '2026-08-04', '--verbose'], 'DEADLINE_INVALID_ARGUMENT'],
    [['--rule', 'decision', '--rule', 'lawsuit', '--from', '2026-08-04'], 'DEADLINE_INVALID_ARGUMENT'],
    [['--rule', 'appeal', '--from', '2026-08-04'], 'DEADLINE_UNKNOWN_RULE'],
    [['--rule', 'decision', '--from', '2026-8-4'], 'DEADLINE_INVALID_DATE'],
    [['--rule', 'decision', '--from', '2026-08-04', '--suspend', '2026-08-20'], 'DEADLINE_INVALID_SUSPENSION'],
    [['--rule', 'decision', '--from', '2026-08-04', '--suspend', '2026-08-20..2026-13-01'], 'DEADLINE_INVALID_DATE'],
    [['--rule', 'decision', '--from', '2026-08-04', '--extend', '-3'], 'DEADLINE_INVALID_EXTENSION'],
    [['--rule', 'decision', '--from', '2026-08-04', '--extend', 'ten'], 'DEADLINE_INVALID_EXTENSION'],
    [['--rule', 'decision', '--from', '2026-08-04', '--as-of', 'now'], 'DEADLINE_INVALID_DATE'],
  ])('%j → %s', (argv, code) => {
    expect(codeOf(argv)).toBe(code);
  });

  it('formats a result as stable, readable JSON', () => {
    const input = parseDeadlineArgs(['--rule', 'decision', '--from', '2026-08-04']);
    const json = formatDeadlineJson(computeDeadline(input, packagedCalendar()));
    const parsed = JSON.parse(json);
    expect(parsed).toMatchObject({ rule: 'decision', start: '2026-08-04', due: '2026-10-08', provisional: false, calendarVersion: 0 });
    expect(json).toContain('国庆节放假'); // Chinese kept as is, not \u-escaped
    expect(Object.keys(parsed).slice(0, 3)).toEqual(['rule', 'start', 'due']);
  });
});
