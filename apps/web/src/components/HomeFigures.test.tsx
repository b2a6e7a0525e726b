import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { getInstanceByDom, type ECElementEvent } from 'echarts/core';

/** What ECharts hands its click handlers, reduced to what the wrapper reads. */
const clickOn = (p: Partial<ECElementEvent>) => ({ type: 'click', componentType: 'series', ...p }) as ECElementEvent;
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { HomeFigures } from './HomeFigures';

const CLERK = [
  { key: 'myOverdue', label: '我承办的超期案件', definition: '有进行中的期限已过届满日', count: 2 },
  { key: 'myDueThisWeek', label: '本周到期', definition: '今天至本周日届满', count: 5 },
  { key: 'myOpen', label: '我承办的案件', definition: '全部未结案件', count: 11 },
];
let figures: Array<Record<string, unknown>> = CLERK;
vi.mock('../api/queries', () => ({
  useMyFigures: () => ({ isPending: false, isError: false, data: { asOf: '2026-12-02', weekEnd: '2026-12-06', figures } }),
}));

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderHome(role?: string) {
  render(
    <ConfigProvider locale={zhCN}>
      <MemoryRouter initialEntries={['/work/my-queue']}>
        <HomeFigures role={role} />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </ConfigProvider>,
  );
}

describe('HomeFigures', () => {
  beforeEach(() => void (figures = CLERK));

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

  it("opens the auditor's log with the filter the figure was counted with, and the security administrator's users on the security page", async () => {
    figures = [
      { key: 'auditToday', label: '今日审计记录', definition: '今天记入审计日志的全部操作', count: 389, query: { from: '2026-12-02', to: '2026-12-02' } },
      { key: 'auditDownloads', label: '近7日下载文书', definition: '近7日下载文书的次数', count: 4, query: { action: 'document.download', from: '2026-11-26', to: '2026-12-02' } },
    ];
    renderHome('auditor');
    expect(screen.getByRole('link', { name: '今日审计记录 389 条，查看清单' }).getAttribute('href')).toBe('/audit?from=2026-12-02&to=2026-12-02');
    await userEvent.click(screen.getByRole('link', { name: '近7日下载文书 4 次，查看清单' }));
    expect(screen.getByTestId('where').textContent).toBe('/audit?action=document.download&from=2026-11-26&to=2026-12-02');
    cleanup();
    figures = [{ key: 'lockedAccounts', label: '被锁定的账号', definition: '当前被暂时锁定登录的用户数', count: 1 }];
    renderHome('security_admin');
    expect(screen.getByRole('link', { name: '被锁定的账号 1 个，查看清单' }).getAttribute('href')).toBe('/security?status=locked');
  });
});
