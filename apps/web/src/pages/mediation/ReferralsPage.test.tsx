import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MemoryRouter } from 'react-router';
import type { FileSummary } from './api';
import ReferralsPage from './ReferralsPage';

const row = (id: string, caseNumber: string, allowedActions: FileSummary['allowedActions']): FileSummary => ({
  id, state: 'referred', stateLabel: '待分配', version: 1, source: 'court', sourceLabel: '法院委派', category: 'demolition', categoryLabel: '征收拆迁',
  township: null, respondent: '区住房和城乡建设委员会', caseId: null, caseNumber, mediationDue: null, mediationDueProvisional: false, mediationDueExplanation: [],
  applicationDue: null, warnings: [], outcome: null, outcomeLabel: null, createdAt: '2026-12-01T02:00:00.000Z', allowedActions,
});

afterEach(() => vi.unstubAllGlobals());

describe('ReferralsPage: 指派 from the rows\' own allowedActions', () => {
  it('offers 指派 only on rows that list assign, and reads no file per row', async () => {
    const fetches: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      fetches.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }));
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    qc.setQueryData(['/api/mediation', 'files', 'list', 'referred'], {
      items: [row('f1', '（2026）京0112行初1号', [{ action: 'assign', label: '指派调解员' }]), row('f2', '（2026）京0112行初2号', [])],
      nextCursor: null,
    });
    render(
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <QueryClientProvider client={qc}>
            <MemoryRouter><ReferralsPage /></MemoryRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>,
    );
    expect(screen.getByRole('button', { name: '指派调解员 （2026）京0112行初1号' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /行初2号/ })).toBeNull();
    expect(screen.getByText('由协调员指派')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(fetches.filter((u) => /\/api\/mediation\/files\/f\d/.test(u))).toEqual([]);
  });
});
