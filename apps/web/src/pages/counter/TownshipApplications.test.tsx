import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

const get = vi.fn();
vi.mock('../../api/client', async (orig) => ({ ...(await orig<typeof import('../../api/client')>()), api: { GET: (...a: unknown[]) => get(...a) } }));
const { TownshipApplications } = await import('./TownshipApplications');

const item = (id: string, state: string, stateLabel: string) => ({
  caseId: id, caseNumber: `通复〔2026〕第0000${id}号`, state, stateLabel, version: 1, receiptAt: '2026-12-01T01:00:00.000Z',
  acceptanceDue: '2026-12-08', respondent: '区公安局', applicants: '周建国', township: '中仓',
  // As the API lists them: only an application awaiting correction offers 收到补正材料.
  allowedActions: state === 'correction_requested' ? [{ action: 'receive_correction', label: '收到补正材料' }] : [],
});
const ALL = [item('1', 'registered', '待受理审查'), item('2', 'correction_requested', '待补正'), item('3', 'accepted', '已受理')];

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderAt(url: string) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="*" element={<><TownshipApplications /><Where /></>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('TownshipApplications (本分中心的复议申请)', () => {
  beforeEach(() => {
    get.mockReset();
    get.mockImplementation((_path: string, init: { params: { query: { state?: string } } }) => {
      const { state } = init.params.query;
      const items = state ? ALL.filter((i) => i.state === state) : ALL;
      return Promise.resolve({ data: { items, nextCursor: null }, response: new Response('{}') });
    });
  });

  it('lists every stage without a filter', async () => {
    renderAt('/counter');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + 3
    expect(get).toHaveBeenCalledWith('/api/applications', { params: { query: { limit: 20 } } });
  });

  it('asks the API for the stage a home figure opened, names it, and clears it', async () => {
    renderAt('/counter?state=correction_requested');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('待补正')).toBeTruthy();
    expect(get).toHaveBeenCalledWith('/api/applications', { params: { query: { limit: 20, state: 'correction_requested' } } });
    const tag = screen.getByTestId('applications-filter');
    expect(tag.textContent).toContain('筛选：待补正');
    await userEvent.click(tag.querySelector('.ant-tag-close-icon')!);
    expect(screen.getByTestId('where').textContent).toBe('/counter');
  });

  it('ignores a stage the list cannot filter by', async () => {
    renderAt('/counter?state=accepted');
    await screen.findByRole('table');
    expect(get).toHaveBeenCalledWith('/api/applications', { params: { query: { limit: 20 } } });
    expect(screen.queryByTestId('applications-filter')).toBeNull();
  });
});
