import { packagedCalendar } from '@fuyi/deadlines';
import { nextWorkingDay, overdueMilestone, planMilestones, reminderInstant, workingDaysBefore, type ReminderPolicy } from '../milestone-plan';

const calendar = packagedCalendar();
const policy: ReminderPolicy[] = [{ rule: '*', recipientRole: 'handler', offsets: [-3, -1, 0], overdueDaily: true }];

describe('milestone planning (pure)', () => {
  it('reminders go out at 08:30 Beijing time', () => {
    expect(reminderInstant('2026-10-12').toISOString()).toBe('2026-10-12T00:30:00.000Z');
  });

  it('counts working days back across National Day and the make-up Saturday', () => {
    // Due Mon 2026-10-12: one working day before is Sat 10-10 (a make-up workday), three before is Thu 10-08.
    expect(workingDaysBefore(calendar, '2026-10-12', 1)).toBe('2026-10-10');
    expect(workingDaysBefore(calendar, '2026-10-12', 3)).toBe('2026-10-08');
    expect(workingDaysBefore(calendar, '2026-10-08', 1)).toBe('2026-09-30');
    expect(nextWorkingDay(calendar, '2026-09-30')).toBe('2026-10-08');
  });

  it('plans before-3, before-1, due, first overdue and the ARL 30 effect at the end of the last day', () => {
    const plans = planMilestones({ rule: 'acceptance-review', due: '2026-10-12' }, policy, calendar, '2026-09-29');
    expect(plans.map((p) => `${p.key}@${p.fireAt.toISOString()}`)).toEqual([
      'before-3@2026-10-08T00:30:00.000Z',
      'before-1@2026-10-10T00:30:00.000Z',
      'due@2026-10-12T00:30:00.000Z',
      'overdue-2026-10-13@2026-10-13T00:30:00.000Z',
      'effect-deemed-accepted@2026-10-12T16:00:00.000Z',
    ]);
  });

  it('skips reminders already past, keeps the legal effect, and starts overdue reminders today for a late clock', () => {
    const plans = planMilestones({ rule: 'acceptance-review', due: '2026-10-12' }, policy, calendar, '2026-11-26');
    expect(plans.map((p) => p.key)).toEqual(['overdue-2026-11-26', 'effect-deemed-accepted']);
  });

  it('a rule with its own policy ignores the default; rules without a legal effect plan none', () => {
    const own: ReminderPolicy[] = [...policy, { rule: 'decision', recipientRole: 'office_head', offsets: [-5], overdueDaily: false }];
    const plans = planMilestones({ rule: 'decision', due: '2026-12-31' }, own, calendar, '2026-11-26');
    expect(plans).toEqual([{ key: 'before-5', kind: 'reminder', recipientRole: 'office_head', fireAt: reminderInstant('2026-12-24') }]);
  });

  it('a reminder of today survives a re-plan later that day (its unique key absorbs a repeat)', () => {
    const plans = planMilestones({ rule: 'copy-to-respondent', due: '2026-11-26' }, policy, calendar, '2026-11-26');
    expect(plans.map((p) => p.key)).toEqual(['due', 'overdue-2026-11-27']);
  });

  it('two recipient roles get the same milestone keys, told apart by role', () => {
    const two: ReminderPolicy[] = [...policy, { rule: '*', recipientRole: 'section_chief', offsets: [-1], overdueDaily: false }];
    const plans = planMilestones({ rule: 'copy-to-respondent', due: '2026-12-31' }, two, calendar, '2026-11-26');
    expect(plans.filter((p) => p.key === 'before-1').map((p) => p.recipientRole).sort()).toEqual(['handler', 'section_chief']);
  });

  it('the first overdue day is never a holiday', () => {
    expect(overdueMilestone(calendar, '2026-09-30', '2026-09-30', 'handler').key).toBe('overdue-2026-10-08');
  });
});
