import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { getInstanceByDom, type ECElementEvent } from 'echarts/core';

/** What ECharts hands its click handlers, reduced to what the wrapper reads. */
const clickOn = (p: Partial<ECElementEvent>) => ({ type: 'click', componentType: 'series', ...p }) as ECElementEvent;
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { HomeFigures } from './HomeFigures';

const figures = [
  { key: 'myOverdue', label: '我承办的超期案件', definition: '有进行中的期限已过届满日', count: 2 },
  { key: 'myDueThisWeek', label: '本周到期', definition: '今天至本周日届满', count: 5 },
  { key: 'myOpen', label: '我承办的案件', definition: '全部未结案件', count: 11 },
];
vi.mock('../api/queries', () => ({
  useMyFigures: () => ({ isPending: false, isError: false, data: { asOf: '2026-12-02', weekEnd: '2026-12-06', figures } }),
}));

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderHome() {
  render(
    <ConfigProvider locale={zhCN}>
      <MemoryRouter initialEntries={['/work/my-queue']}>
        <HomeFigures />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </ConfigProvider>,
  );
}

describe('HomeFigures', () => {
  it('shows each figure as a link to the list it counts, and the week it means', () => {
    renderHome();
    const overdue = screen.getByRole('link', { name: '我承办的超期案件 2 件，查看清单' });
    expect(overdue.getAttribute('href')).toBe('/work/my-queue?flag=overdue');
    expect(screen.getByRole('link', { name: '本周到期 5 件，查看清单' }).getAttribute('href')).toBe('/work/my-queue?flag=dueThisWeek');
    expect(screen.getByRole('link', { name: '我承办的案件 11 件，查看清单' }).getAttribute('href')).toBe('/work/my-queue');
    expect(screen.getByText(/本周指今天至 2026-12-06/)).toBeTruthy();
  });

  it('opens the list from a card with the keyboard', async () => {
    renderHome();
    screen.getByRole('link', { name: /本周到期/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('where').textContent).toBe('/work/my-queue?flag=dueThisWeek');
  });

  it('draws the figures as a lazily loaded bar chart whose bars open the same lists', async () => {
    renderHome();
    const chart = await screen.findByRole('img', { name: '我承办的超期案件 2 件，本周到期 5 件，我承办的案件 11 件' }, { timeout: 20_000 });
    const instance = getInstanceByDom(chart.firstElementChild as HTMLElement)!;
    await waitFor(() => expect((instance.getOption().series as Array<{ data: Array<{ value: number }> }>)[0]!.data.map((d) => d.value)).toEqual([2, 5, 11]));
    instance.trigger('click', clickOn({ seriesIndex: 0, dataIndex: 0, name: '我承办的超期案件' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/work/my-queue?flag=overdue'));
  });
});
