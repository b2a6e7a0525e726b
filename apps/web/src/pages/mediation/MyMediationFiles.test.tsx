import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

const get = vi.fn();
vi.mock('../../api/client', async (orig) => ({ ...(await orig<typeof import('../../api/client')>()), api: { GET: (...a: unknown[]) => get(...a) } }));
const { MyMediationFiles } = await import('./MyMediationFiles');

const file = (id: string, due: string | null) => ({
  id, state: 'in_progress', stateLabel: '调解中', categoryLabel: '拆迁', sourceLabel: '法院委派', respondent: '某街道办事处', caseNumber: null,
  mediationDue: due, warnings: [], createdAt: '2026-11-20T02:00:00.000Z',
});
const ALL = [file('a', '2026-12-01'), file('b', '2026-12-07'), file('c', null)];

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderAt(url: string) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="*" element={<><MyMediationFiles /><Where /></>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('MyMediationFiles (我的调解)', () => {
  beforeEach(() => {
    get.mockReset();
    get.mockImplementation((_path: string, init: { params: { query: { due?: string } } }) => {
      const files = init.params.query.due === 'soon' ? ALL.slice(0, 1) : ALL;
      return Promise.resolve({ data: { files, unassignedPool: 2 }, response: new Response('{}') });
    });
  });

  it('lists every file in progress without a filter', async () => {
    renderAt('/mediation');
    const table = await screen.findByRole('table');
    expect(await within(table).findAllByText('调解中')).toHaveLength(3); // the table shows while loading: wait for the rows
    expect(get).toHaveBeenCalledWith('/api/mediation/work-list', { params: { query: {} } });
    expect(screen.getByText('接收后起算')).toBeTruthy(); // no time limit until a mediator takes the file
  });

  it('asks the API for due=soon when the home figure opened it, names the filter, and clears it', async () => {
    renderAt('/mediation?due=soon');
    const table = await screen.findByRole('table');
    expect(await within(table).findAllByText('调解中')).toHaveLength(1);
    expect(get).toHaveBeenCalledWith('/api/mediation/work-list', { params: { query: { due: 'soon' } } });
    const tag = screen.getByTestId('work-list-filter');
    expect(tag.textContent).toContain('筛选：调解期限3日内届满或已届满');
    await userEvent.click(tag.querySelector('.ant-tag-close-icon')!);
    expect(screen.getByTestId('where').textContent).toBe('/mediation');
  });

  it('ignores an unknown filter instead of sending it', async () => {
    renderAt('/mediation?due=later');
    await screen.findByRole('table');
    expect(get).toHaveBeenCalledWith('/api/mediation/work-list', { params: { query: {} } });
    expect(screen.queryByTestId('work-list-filter')).toBeNull();
  });
});
