import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ClockBadge } from './ClockBadge';

const TODAY = '2026-12-07';
const tone = () => screen.getByTestId('clock-badge').getAttribute('data-tone');

describe('ClockBadge (红黄绿灯预警)', () => {
  it('green with the remaining working days while far from due', () => {
    render(<ClockBadge today={TODAY} clock={{ due: '2027-01-20', status: 'running', remainingWorkingDays: 30 }} />);
    expect(tone()).toBe('green');
    expect(screen.getByText('剩 30 个工作日')).toBeTruthy();
  });

  it('yellow when close (five working days or fewer), "today" on the last day', () => {
    const { rerender } = render(<ClockBadge today={TODAY} clock={{ due: '2026-12-11', status: 'running', remainingWorkingDays: 4 }} />);
    expect(tone()).toBe('yellow');
    expect(screen.getByText('剩 4 个工作日')).toBeTruthy();
    rerender(<ClockBadge today={TODAY} clock={{ due: TODAY, status: 'running', remainingWorkingDays: 0 }} />);
    expect(screen.getByText('今日届满')).toBeTruthy();
  });

  it('red and says by how much when overdue', () => {
    render(
      <ClockBadge today={TODAY} clock={{ due: '2026-12-04', status: 'running', remainingWorkingDays: -1, overdue: true }} label="决定" />,
    );
    expect(tone()).toBe('red');
    expect(screen.getByText('决定：已超期 3 日')).toBeTruthy();
  });

  it('paused (中止) is grey and says so in words, not only by colour', () => {
    render(<ClockBadge today={TODAY} clock={{ due: '2026-12-04', status: 'paused', remainingWorkingDays: 10 }} />);
    expect(tone()).toBe('paused');
    expect(screen.getByText('已中止·暂停计算')).toBeTruthy();
  });

  it('extended (延期) and provisional (暂定) carry their own marks beside the light', () => {
    render(
      <ClockBadge
        today={TODAY}
        clock={{ due: '2027-02-10', status: 'running', remainingWorkingDays: 20, extensionDays: 30, provisional: true }}
      />,
    );
    expect(screen.getByTestId('clock-extended').textContent).toBe('已延期 30 日');
    expect(screen.getByTestId('clock-provisional').textContent).toBe('暂定');
    expect(screen.getByTestId('clock-provisional').getAttribute('title')).toContain('节假日');
  });

  it('counts the working days the API gives, never calendar days; a closed clock says how it ended', () => {
    // 2026-12-07 (Monday) to 2026-12-14 (Monday): 7 calendar days, 5 working days.
    const { rerender } = render(<ClockBadge today={TODAY} clock={{ due: '2026-12-14', status: 'running', remainingWorkingDays: 5 }} />);
    expect(screen.getByText('剩 5 个工作日')).toBeTruthy();
    expect(tone()).toBe('yellow');
    rerender(<ClockBadge today={TODAY} clock={{ due: '2026-12-01', status: 'met', remainingWorkingDays: null }} />);
    expect(tone()).toBe('closed');
    expect(screen.getByText('已完成')).toBeTruthy();
  });
});
