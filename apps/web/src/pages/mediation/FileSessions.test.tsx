import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { fileKey, type MediationFile, type Session } from './api';
import { FileSessions, PRIVATE_MARK } from './FileSessions';

const session = (kind: 'joint' | 'private', minutes: string): Session => ({
  id: `${kind}-1`, kind, mode: 'in_person', place: kind === 'private' ? '背对背' : '区调处中心第一调解室', scheduledAt: '2026-12-04T01:30:00.000Z',
  participants: [{ name: '何建华', role: '申请人' }], attendance: null as unknown as Session['attendance'], minutes, status: 'held', version: 1,
});

function renderSessions(sessions: Session[], opts: { meOnFile: boolean; actions: MediationFile['allowedActions'] }) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData([...fileKey('f1'), 'sessions'], sessions);
  const file = { id: 'f1', allowedActions: opts.actions } as MediationFile;
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={qc}>
          <FileSessions file={file} meOnFile={opts.meOnFile} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}

describe('FileSessions: joint minutes and private 背对背 notes', () => {
  it("marks a private note as the file's mediators' only, and offers scheduling with schedule_session", () => {
    renderSessions([session('joint', '双方陈述意见'), session('private', '申请人底线')], { meOnFile: true, actions: [{ action: 'schedule_session', label: '安排调解' }] });
    const note = screen.getByTestId('private-note');
    expect(note.textContent).toContain(PRIVATE_MARK);
    expect(note.textContent).toContain('申请人底线');
    expect(screen.getByTestId('joint-session').textContent).not.toContain(PRIVATE_MARK);
    expect(screen.getByRole('button', { name: '背对背记录' })).toBeTruthy();
    expect(screen.queryByTestId('private-hidden')).toBeNull();
  });

  it('tells someone not on the file that private notes exist only for its mediators, and offers no steps without the action', () => {
    renderSessions([session('joint', '双方陈述意见')], { meOnFile: false, actions: [] });
    expect(screen.getByTestId('private-hidden').textContent).toContain(PRIVATE_MARK);
    expect(screen.queryByRole('button', { name: '背对背记录' })).toBeNull();
    expect(screen.queryByRole('button', { name: '记录笔录' })).toBeNull();
  });
});
