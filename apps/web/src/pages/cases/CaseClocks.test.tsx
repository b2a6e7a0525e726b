import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { CaseClocks } from './CaseClocks';

const today = shanghaiDate(new Date());
const clock = (rule: string, due: string, remainingWorkingDays: number | null, status = 'running') => ({
  id: `id-${rule}`,
  rule,
  start: today,
  due,
  status,
  provisional: false,
  explanation: ['自受理之日起计算'],
  calendarVersion: 1,
  closedOn: null,
  suspensions: [],
  extensionDays: 0,
  remainingWorkingDays,
});

vi.mock('./api', () => ({
  useCaseClocks: () => ({
    isError: false,
    isPending: false,
    data: [
      // Ten calendar days away but, over a holiday, four working days: the badge shows the API's working days.
      clock('decision', addDays(today, 10), 4),
      clock('reply', addDays(today, -3), -2),
      clock('application', addDays(today, -30), null, 'met'),
    ],
  }),
}));

describe('CaseClocks (the case page badge)', () => {
  it('shows the working days the API counted on the Chinese calendar, never calendar days', () => {
    render(
      <ConfigProvider locale={zhCN}>
        <CaseClocks caseId="c1" />
      </ConfigProvider>,
    );
    const decision = within(screen.getByTestId('clock-decision'));
    expect(decision.getByText('剩 4 个工作日')).toBeTruthy();
    expect(decision.queryByText('剩 10 日')).toBeNull();
    expect(decision.getByTestId('clock-badge').getAttribute('data-tone')).toBe('yellow');
    expect(within(screen.getByTestId('clock-reply')).getByTestId('clock-badge').getAttribute('data-tone')).toBe('red');
    expect(within(screen.getByTestId('clock-application')).getByText('已完成')).toBeTruthy();
  });
});
