import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { YearGrid, YearGridLegend } from './YearGrid';
import type { CalendarDay } from './api';

const DAYS: CalendarDay[] = [
  { date: '2026-10-01', kind: 'holiday', name: '国庆节', version: 1 },
  { date: '2026-09-27', kind: 'workday', name: '国庆节调休', version: 1 },
  { date: '2026-09-15', kind: 'closure', name: '台风停止办公', version: 2 },
];
const day = (date: string) => document.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)!;

describe('YearGrid (工作日历年视图)', () => {
  it('shows twelve months, Monday first, every day of the year once', () => {
    render(<YearGrid year={2026} days={DAYS} onPick={() => {}} />);
    expect(screen.getAllByRole('table')).toHaveLength(12);
    expect(document.querySelectorAll('[data-date]')).toHaveLength(365);
    const jan = screen.getByRole('table', { name: '1月' });
    expect(within(jan).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    // 2026-01-01 is a Thursday: three blanks before it in the first week.
    const firstWeek = within(jan).getAllByRole('row')[1];
    expect(within(firstWeek).getAllByRole('cell').map((c) => c.textContent)).toEqual(['', '', '', '1', '2', '3', '4']);
    render(<YearGrid year={2028} days={[]} onPick={() => {}} />);
    expect(document.querySelectorAll('[data-date^="2028-"]')).toHaveLength(366);
  });

  it('marks holidays, make-up workdays and closures with a letter and words, not colour alone', () => {
    render(<YearGrid year={2026} days={DAYS} onPick={() => {}} />);
    expect(day('2026-10-01').textContent).toBe('1休');
    expect(day('2026-10-01').getAttribute('aria-label')).toBe('10月1日 星期四 法定节假日：国庆节');
    expect(day('2026-09-27').textContent).toBe('27班');
    expect(day('2026-09-27').getAttribute('aria-label')).toContain('调休上班：国庆节调休');
    expect(day('2026-09-15').textContent).toBe('15停');
    expect(day('2026-09-15').className).toContain('yg-closure');
    expect(day('2026-09-19').getAttribute('aria-label')).toBe('9月19日 星期六 周末');
    expect(day('2026-09-18').getAttribute('data-kind')).toBe('workday-normal');
    render(<YearGridLegend />);
    const legend = screen.getByLabelText('图例');
    for (const words of ['休＝法定节假日', '班＝调休上班', '停＝停止办公', '灰底＝周末（休息日）']) expect(legend.textContent).toContain(words);
  });

  it('one day in the tab order; arrow keys move by day and week; Enter picks the day with its arrangement', async () => {
    const onPick = vi.fn();
    render(<YearGrid year={2026} days={DAYS} today="2026-09-14" onPick={onPick} />);
    expect(document.querySelectorAll('[data-date][tabindex="0"]')).toHaveLength(1);
    expect(day('2026-09-14').tabIndex).toBe(0);
    expect(day('2026-09-14').className).toContain('yg-today');
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(day('2026-09-14'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(day('2026-09-15'));
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('2026-09-15', DAYS[2]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowLeft}');
    expect(document.activeElement).toBe(day('2026-09-28'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(day('2026-09-21'));
    expect(day('2026-09-21').tabIndex).toBe(0);
    expect(day('2026-09-14').tabIndex).toBe(-1);
    await user.keyboard(' ');
    expect(onPick).toHaveBeenLastCalledWith('2026-09-21', undefined);
  });

  it('stays inside the year at its edges', async () => {
    render(<YearGrid year={2026} days={[]} today="2025-06-01" onPick={() => {}} />);
    expect(day('2026-01-01').tabIndex).toBe(0); // today is another year: the grid starts on 1 January
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(document.activeElement).toBe(day('2026-01-01'));
  });
});
