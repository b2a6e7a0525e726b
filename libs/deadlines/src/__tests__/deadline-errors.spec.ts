import { DomainError } from '@fuyi/kernel';
import { computeDeadline, packagedCalendar, type DeadlineInput } from '@fuyi/deadlines';

const calendar = packagedCalendar();

function errorOf(input: unknown): DomainError {
  try {
    computeDeadline(input as DeadlineInput, calendar);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('computeDeadline: errors', () => {
  it.each<[string, unknown, string]>([
    ['unknown rule', { rule: 'appeal', start: '2026-01-05' }, 'DEADLINE_UNKNOWN_RULE'],
    ['impossible date', { rule: 'decision', start: '2026-02-30' }, 'DEADLINE_INVALID_DATE'],
    ['not ISO', { rule: 'decision', start: '2026/02/03' }, 'DEADLINE_INVALID_DATE'],
    ['out of range', { rule: 'decision', start: '1850-01-01' }, 'DEADLINE_INVALID_DATE'],
    ['bad asOf', { rule: 'decision', start: '2026-01-05', asOf: 'today' }, 'DEADLINE_INVALID_DATE'],
    ['extension where none allowed', { rule: 'acceptance-review', start: '2026-01-05', extensionDays: 2 }, 'DEADLINE_EXTENSION_NOT_ALLOWED'],
    ['extension on simplified decision', { rule: 'decision-simplified', start: '2026-01-05', extensionDays: 5 }, 'DEADLINE_EXTENSION_NOT_ALLOWED'],
    ['decision extension over 30', { rule: 'decision', start: '2026-08-04', extensionDays: 31 }, 'DEADLINE_EXTENSION_EXCEEDS_CAP'],
    ['correction extension over 10', { rule: 'applicant-correction', start: '2026-09-18', extensionDays: 11 }, 'DEADLINE_EXTENSION_EXCEEDS_CAP'],
    ['mediation extension over 30', { rule: 'mediation', start: '2026-09-01', extensionDays: 31 }, 'DEADLINE_EXTENSION_EXCEEDS_CAP'],
    ['negative extension', { rule: 'decision', start: '2026-08-04', extensionDays: -1 }, 'DEADLINE_INVALID_EXTENSION'],
    ['fractional extension', { rule: 'decision', start: '2026-08-04', extensionDays: 1.5 }, 'DEADLINE_INVALID_EXTENSION'],
    ['open suspension without asOf', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-20' }] }, 'DEADLINE_INVALID_SUSPENSION'],
    ['asOf before the open suspension', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-20' }], asOf: '2026-08-19' }, 'DEADLINE_INVALID_SUSPENSION'],
    ['resumption before suspension', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-20', to: '2026-08-19' }] }, 'DEADLINE_INVALID_SUSPENSION'],
    ['suspension before start', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-03', to: '2026-08-10' }] }, 'DEADLINE_INVALID_SUSPENSION'],
    ['overlapping suspensions', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-10', to: '2026-08-20' }, { from: '2026-08-19', to: '2026-08-25' }] }, 'DEADLINE_INVALID_SUSPENSION'],
    ['suspension after an open one', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-10' }, { from: '2026-08-20', to: '2026-08-25' }], asOf: '2026-09-01' }, 'DEADLINE_INVALID_SUSPENSION'],
    ['suspension on a rule that cannot be suspended', { rule: 'acceptance-review', start: '2026-01-05', suspensions: [{ from: '2026-01-06', to: '2026-01-07' }] }, 'DEADLINE_INVALID_SUSPENSION'],
    ['suspension on the suspension cap', { rule: 'suspension-cap', start: '2026-01-05', suspensions: [{ from: '2026-01-06', to: '2026-01-07' }] }, 'DEADLINE_INVALID_SUSPENSION'],
    ['bad suspension date', { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-08-32', to: '2026-09-01' }] }, 'DEADLINE_INVALID_DATE'],
  ])('%s', (_name, input, code) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese message for the clerk
  });

  it('accepts adjacent suspensions and a zero extension on any rule', () => {
    const r = computeDeadline(
      {
        rule: 'decision',
        start: '2026-08-04',
        suspensions: [
          { from: '2026-08-25', to: '2026-08-30' },
          { from: '2026-08-20', to: '2026-08-25' },
        ],
      },
      calendar,
    );
    expect(r.suspendedDays).toBe(10);
    expect(r.due).toBe('2026-10-13'); // day 60 Sat 10-03 + 5 + 5 = Tue 10-13 (domain.md §4)
    expect(computeDeadline({ rule: 'lawsuit', start: '2026-09-15', extensionDays: 0 }, calendar).due).toBe('2026-09-30');
  });
});
