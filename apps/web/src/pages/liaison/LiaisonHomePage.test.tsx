import { describe, expect, it, vi, beforeEach } from 'vitest';
import type { ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

const get = vi.fn();
vi.mock('../../api/client', async (orig) => ({
  ...(await orig<typeof import('../../api/client')>()),
  api: { GET: (...a: unknown[]) => get(...a) },
}));
// The home's own figures are HomeFigures' (tested there): here only the desk below them.
vi.mock('../../components/RoleHome', () => ({ RoleHome: ({ children }: { children: ReactNode }) => <>{children}</> }));
const { default: LiaisonHomePage } = await import('./LiaisonHomePage');

const notice = {
  id: 'n1',
  title: '关于某片区拆违的风险提示',
  state: 'sent',
  stateLabel: '已发送',
  version: 4,
  sentOn: '2026-11-20',
  nextDue: '2026-12-01',
  dueProvisional: false,
  overdueDepartments: 1,
  awaitingDepartments: 1,
  nextStep: '部门签收并书面回复',
  waitingFor: '收函部门',
};
const cluster = {
  id: 'g1',
  respondent: '区住房和城乡建设委员会',
  keyLabel: '小堡村棚改',
  memberCount: 3,
  townships: ['宋庄镇'],
  firstOn: '2026-11-15',
  lastOn: '2026-12-03',
};

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderAt(url: string) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="*"
            element={
              <>
                <LiaisonHomePage />
                <Where />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('LiaisonHomePage (府院联动 desk) opened from a home figure', () => {
  beforeEach(() => {
    get.mockReset();
    get.mockImplementation((_path: string, init: { params: { query: { due?: string; waiting?: string } } }) => {
      const { due, waiting } = init.params.query;
      const filtered = !!(due || waiting);
      const data = {
        today: '2026-12-05',
        notices: [notice],
        letters: [],
        casesInCourt: [],
        casesInLawsuitWindow: [],
        openClusters: due ? [] : [cluster],
        ...(filtered ? { filter: { ...(due ? { due } : {}), ...(waiting ? { waiting } : {}) }, weekEnd: '2026-12-06' } : {}),
      };
      return Promise.resolve({ data, response: new Response('{}') });
    });
  });

  it('asks the API for the overdue rows, names the filter, leaves out what it does not count, and clears it', async () => {
    renderAt('/liaison?due=overdue');
    const tag = await screen.findByTestId('liaison-filter');
    expect(tag.textContent).toContain('筛选：已逾期');
    expect(get).toHaveBeenCalledWith('/api/liaison/view', { params: { query: { limit: 100, due: 'overdue' } } });
    expect(await screen.findByText('关于某片区拆违的风险提示')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '群体性纠纷预警' })).toBeNull();
    expect(screen.queryByRole('table', { name: '起诉期内的案件' })).toBeNull();
    await userEvent.setup().click(tag.querySelector('.ant-tag-close-icon')!);
    expect(screen.getByTestId('where').textContent).toBe('/liaison');
  });

  it("awaiting me: the officer's items and the open alerts, the week named only for thisWeek", async () => {
    renderAt('/liaison?waiting=officer');
    const tag = await screen.findByTestId('liaison-filter');
    expect(tag.textContent).toContain('待我处理');
    expect(tag.textContent).not.toContain('本周指');
    expect(get).toHaveBeenCalledWith('/api/liaison/view', { params: { query: { limit: 100, waiting: 'officer' } } });
    expect(await screen.findByText('区住房和城乡建设委员会：小堡村棚改')).toBeTruthy();
  });

  it('without a filter: everything, no tag', async () => {
    renderAt('/liaison');
    expect(await screen.findByText('区住房和城乡建设委员会：小堡村棚改')).toBeTruthy();
    expect(get).toHaveBeenCalledWith('/api/liaison/view', { params: { query: { limit: 100 } } });
    expect(screen.queryByTestId('liaison-filter')).toBeNull();
  });
});
