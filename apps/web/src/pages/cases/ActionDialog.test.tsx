import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import type { CaseResource } from './api';

const post = vi.fn();
vi.mock('../../api/client', async (orig) => ({ ...(await orig<typeof import('../../api/client')>()), api: { POST: (...a: unknown[]) => post(...a) } }));
const { ActionDialog } = await import('./ActionDialog');

const CASE = { id: 'c1', caseNumber: '通复〔2026〕第00001号', version: 7, parties: [] } as unknown as CaseResource;
const SUSPEND = { action: 'suspend', label: '中止审理', article: '《行政复议法》第三十九条' } as const;
const answer = (status: number, body: object) => ({
  ...(status < 300 ? { data: body } : { error: body }),
  response: new Response(JSON.stringify(body), { status }),
});

function open(props: Partial<Parameters<typeof ActionDialog>[0]> = {}) {
  const onDone = vi.fn();
  const onReload = vi.fn();
  render(
    <App>
      <ActionDialog c={CASE} action={SUSPEND} onClose={() => {}} onDone={onDone} onReload={onReload} {...props} />
    </App>,
  );
  return { onDone, onReload };
}

async function fillSuspension() {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('中止情形（第三十九条第一款）'));
  await user.click(await screen.findByText(/（五）申请人、被申请人因不可抗力/));
  await user.type(screen.getByLabelText('中止日期'), '2026-12-03');
  await user.click(screen.getByRole('button', { name: /确认中止审理/ }));
}

describe('ActionDialog', () => {
  beforeEach(() => post.mockReset());

  it('names the article, asks for the ground, sends the version and hands back the answer', async () => {
    post.mockResolvedValue(answer(200, { ...CASE, version: 8, state: 'suspended', stateLabel: '中止审理' }));
    const { onDone } = open();
    expect(screen.getByText(/依据：《行政复议法》第三十九条/)).toBeTruthy();
    await fillSuspension();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ version: 8, stateLabel: '中止审理' })));
    expect(post).toHaveBeenCalledWith('/api/cases/{id}/suspend', { params: { path: { id: 'c1' } }, body: { ground: 5, from: '2026-12-03', version: 7 } });
  });

  it('does not send without the ground (named in Chinese)', async () => {
    open();
    await userEvent.setup().click(screen.getByRole('button', { name: /确认中止审理/ }));
    expect(await screen.findByText('请填写中止情形（第三十九条第一款）')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
  });

  it('a 409 says someone else changed the case and offers to reload', async () => {
    post.mockResolvedValue(answer(409, { statusCode: 409, code: 'CASE_VERSION_CONFLICT', message: '案件已被他人修改', requestId: 'r' }));
    const { onReload, onDone } = open();
    await fillSuspension();
    expect((await screen.findByTestId('conflict-alert')).textContent).toContain('该案件已被他人修改');
    await userEvent.setup().click(screen.getByRole('button', { name: '重新加载' }));
    expect(onReload).toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it("another refusal shows the API's Chinese message and its code", async () => {
    post.mockResolvedValue(answer(403, { statusCode: 403, code: 'CASE_NOT_HANDLER', message: '您不是本案承办人', requestId: 'r' }));
    open();
    await fillSuspension();
    const alert = await screen.findByTestId('api-error');
    expect(alert.textContent).toContain('您不是本案承办人');
    expect(alert.textContent).toContain('错误代码：CASE_NOT_HANDLER');
  });
});
