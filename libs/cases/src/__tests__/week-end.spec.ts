import { filterConditions, weekEndOf } from '../queries/work-view-filters';

/** "Due this week" (issue 16 item 5): from today to Sunday of today's week (weeks start on Monday, as in China). */
describe('weekEndOf', () => {
  it.each([
    ['2026-11-30', '2026-12-06'], // Monday
    ['2026-12-02', '2026-12-06'], // Wednesday
    ['2026-12-05', '2026-12-06'], // Saturday
    ['2026-12-06', '2026-12-06'], // Sunday: the week ends today
    ['2026-12-31', '2027-01-03'], // across a year
  ])('%s → %s', (today, end) => expect(weekEndOf(today)).toBe(end));
});

describe('the dueThisWeek filter', () => {
  it('binds today and the week end to a running clock, fenced for a page walk and not for a count', () => {
    const params: unknown[] = [];
    const [, page] = filterConditions({ flag: 'dueThisWeek' }, '2026-12-02', params);
    expect(page).toContain(`f.status = 'running' AND f.due_date BETWEEN $1::date AND $2::date`);
    expect(page).toContain('OFFSET 0');
    expect(params).toEqual(['2026-12-02', '2026-12-06']);
    const [, count] = filterConditions({ flag: 'dueThisWeek' }, '2026-12-02', [], 'c.id', false);
    expect(count).not.toContain('OFFSET 0');
  });
});
