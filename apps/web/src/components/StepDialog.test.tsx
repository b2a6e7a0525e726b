import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider, Form, Input } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ApiError } from '../api/errors';
import { StepDialog } from './StepDialog';

function renderDialog(submit: (v: Record<string, unknown>) => Promise<unknown>, onDone = vi.fn(), onReload = vi.fn()) {
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <StepDialog title="排除群体性纠纷线索" okText="确认排除" intro="请说明排除理由。" submit={submit} onDone={onDone} onClose={vi.fn()} onReload={onReload}>
          {() => (
            <Form.Item name="reason" label="排除理由" rules={[{ required: true, message: '请填写排除理由' }]}>
              <Input aria-label="排除理由" />
            </Form.Item>
          )}
        </StepDialog>
      </AntApp>
    </ConfigProvider>,
  );
  return { onDone, onReload };
}

describe('StepDialog: confirmation, result, and the 409 of a record changed meanwhile', () => {
  it('asks for what is required before sending anything', async () => {
    const submit = vi.fn();
    renderDialog(submit);
    await userEvent.click(screen.getByRole('button', { name: /确认排除/ }));
    expect(await screen.findByText('请填写排除理由')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the values and hands the answer on', async () => {
    const submit = vi.fn().mockResolvedValue({ id: 'x', state: 'dismissed' });
    const { onDone } = renderDialog(submit);
    await userEvent.type(screen.getByLabelText('排除理由'), '已统一答复');
    await userEvent.click(screen.getByRole('button', { name: /确认排除/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: 'x', state: 'dismissed' }));
    expect(submit).toHaveBeenCalledWith({ reason: '已统一答复' });
  });

  it('a stale version (409 …_VERSION_CONFLICT) says someone else changed it, offers a reload and blocks a resend', async () => {
    const submit = vi.fn().mockRejectedValue(new ApiError(409, 'CLUSTER_VERSION_CONFLICT', '该线索已被他人修改，请刷新后重新操作'));
    const { onReload } = renderDialog(submit);
    await userEvent.type(screen.getByLabelText('排除理由'), '理由');
    await userEvent.click(screen.getByRole('button', { name: /确认排除/ }));
    expect(await screen.findByText('该记录已被他人修改')).toBeTruthy();
    expect(screen.getByRole('button', { name: /确认排除/ }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('a rule the API enforces (another 409) is shown with its message and code, and may be corrected', async () => {
    const submit = vi.fn().mockRejectedValue(new ApiError(409, 'MEDIATION_CONFLICT_OF_INTEREST', '该调解员与被申请人存在关联，应当回避'));
    renderDialog(submit);
    await userEvent.type(screen.getByLabelText('排除理由'), '理由');
    await userEvent.click(screen.getByRole('button', { name: /确认排除/ }));
    expect(await screen.findByText('该调解员与被申请人存在关联，应当回避')).toBeTruthy();
    expect(screen.getByText(/MEDIATION_CONFLICT_OF_INTEREST/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /确认排除/ }).hasAttribute('disabled')).toBe(false);
  });
});
