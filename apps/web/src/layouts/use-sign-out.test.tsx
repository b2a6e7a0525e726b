import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/errors';
import { useSignOut } from './use-sign-out';

const signOut = vi.fn<(everywhere?: boolean) => Promise<void>>();
vi.mock('../api/session', () => ({ signOut: (everywhere?: boolean) => signOut(everywhere) }));

function Desk() {
  const leave = useSignOut();
  return (
    <button type="button" onClick={() => void leave(false)}>
      退出登录
    </button>
  );
}

function renderDesk() {
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter initialEntries={['/counter']}>
            <Routes>
              <Route path="/counter" element={<Desk />} />
              <Route path="/login" element={<p>登录页</p>} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}

describe('退出登录 when the server does not answer', { timeout: 45_000 }, () => {
  it('says in Chinese that the session is still alive, stays on the page, and signs out on 重试 once the server answers', async () => {
    const user = userEvent.setup({ delay: null });
    signOut.mockRejectedValueOnce(new ApiError(0, 'NETWORK', '无法连接服务器')).mockResolvedValueOnce(undefined);
    renderDesk();
    await user.click(screen.getByRole('button', { name: '退出登录' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('退出登录未成功');
    expect(dialog.textContent).toMatch(/服务器未能结束登录会话（无法连接服务器[^）]*），您仍处于登录状态/);
    expect(screen.queryByText('登录页')).toBeNull();
    await user.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('登录页')).toBeTruthy();
    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(2));
  });
});
