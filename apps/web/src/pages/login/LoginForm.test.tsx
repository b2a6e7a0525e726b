import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/errors';
import { LoginForm } from './LoginForm';

const BAD = '用户名或密码错误；连续失败5次后需等待15分钟再试';

describe('LoginForm', () => {
  it('submits by keyboard alone: type the name, Tab, the password, Enter', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<LoginForm onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('用户名'), 'zhongcang');
    await user.tab();
    expect(screen.getByLabelText('密码')).toHaveProperty('id', document.activeElement?.id);
    await user.keyboard('Fuyi@2026{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ username: 'zhongcang', password: 'Fuyi@2026' }));
  });

  it('names the missing fields in Chinese and does not submit', async () => {
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);
    await userEvent.setup().click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the API's message for a refusal (wrong password and lockout share it)", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(401, 'AUTH_INVALID_CREDENTIALS', BAD));
    render(<LoginForm onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('用户名'), 'clerk');
    await user.type(screen.getByLabelText('密码'), 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(BAD);
  });

  it('asks for the one-time code when the account has a second factor, then sends it', async () => {
    const onSubmit = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(401, 'AUTH_TOTP_REQUIRED', '该账号已启用动态验证码，请输入验证器中的6位动态验证码'))
      .mockResolvedValueOnce(undefined);
    render(<LoginForm onSubmit={onSubmit} />);
    const user = userEvent.setup();
    expect(screen.queryByLabelText('动态验证码')).toBeNull();
    await user.type(screen.getByLabelText('用户名'), 'secadmin');
    await user.type(screen.getByLabelText('密码'), 'Fuyi@2026{Enter}');
    const code = await screen.findByLabelText('动态验证码');
    expect((await screen.findByRole('alert')).textContent).toContain('6位动态验证码');
    await user.type(code, '123456{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenLastCalledWith({ username: 'secadmin', password: 'Fuyi@2026', totpCode: '123456' }));
  });

  it('a network failure gets a sentence, not a stack trace', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(0, 'NETWORK', 'fetch failed'));
    render(<LoginForm onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('用户名'), 'clerk');
    await user.type(screen.getByLabelText('密码'), 'x{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('无法连接服务器，请检查网络后重试');
  });
});
