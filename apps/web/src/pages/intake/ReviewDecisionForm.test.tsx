import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ApiError } from '../../api/errors';
import type { Decided, ReviewDecision } from './api';
import { ReviewDecisionForm } from './ReviewDecisionForm';

const DECIDED: Decided = { caseNumber: '通复〔2026〕第1号', state: 'accepted', version: 3 };

function renderForm(decide: (b: ReviewDecision) => Promise<Decided>, onReload = vi.fn(), onDecided = vi.fn()) {
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ReviewDecisionForm caseNumber="通复〔2026〕第1号" version={2} decide={decide} onDecided={onDecided} onReload={onReload} />
      </AntApp>
    </ConfigProvider>,
  );
  return { onReload, onDecided };
}

async function confirmDialog(user: ReturnType<typeof userEvent.setup>, button: RegExp) {
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: button }));
  return dialog;
}

describe('ReviewDecisionForm (acceptance review, ARL 30-31)', { timeout: 45_000 }, () => {
  it('offers only the outcomes the server allows (a correction notice already sent: no second 补正, ARL 31)', () => {
    render(
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <ReviewDecisionForm caseNumber="通复〔2026〕第1号" version={2} decide={vi.fn()} onDecided={vi.fn()} onReload={vi.fn()} allowed={['accept', 'refuse']} />
        </AntApp>
      </ConfigProvider>,
    );
    const choices = screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent ?? '');
    expect(choices.some((c) => c.includes('补正'))).toBe(false);
    expect(choices.some((c) => c.includes('不予受理'))).toBe(true);
  });

  it('accepts in the ordinary procedure after a confirmation that names ARL 30, with the version it loaded', async () => {
    const user = userEvent.setup({ delay: null });
    const decide = vi.fn((_b: ReviewDecision) => Promise.resolve(DECIDED));
    const { onDecided } = renderForm(decide);
    expect(screen.getByTestId('decision-article').textContent).toContain('《行政复议法》第三十条');
    await user.click(screen.getByTestId('decision-submit'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('受理（普通程序）');
    expect(dialog.textContent).toContain('《行政复议法》第三十条');
    await confirmDialog(user, /确认受理/);
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(DECIDED, 'accept'));
    expect(decide.mock.calls[0][0]).toMatchObject({ outcome: 'accept', procedure: 'ordinary', version: 2 });
  });

  it('asks for correction with every item listed (ARL 31) and refuses without items', async () => {
    const user = userEvent.setup({ delay: null });
    const decide = vi.fn((_b: ReviewDecision) => Promise.resolve({ ...DECIDED, state: 'correction_requested' }));
    renderForm(decide);
    await user.click(screen.getByText('通知补正'));
    expect(screen.getByTestId('decision-article').textContent).toContain('《行政复议法》第三十一条');
    await user.click(screen.getByTestId('decision-submit'));
    expect(await screen.findByText('请至少列明一项需要补正的事项')).toBeTruthy();
    await user.type(screen.getByLabelText('补正事项 1'), '请提交行政处罚决定书复印件');
    await user.click(screen.getByRole('button', { name: /添加补正事项/ }));
    await user.type(screen.getByLabelText('补正事项 2'), '请提交身份证明');
    await user.click(screen.getByTestId('decision-submit'));
    await confirmDialog(user, /确认通知补正/);
    await waitFor(() => expect(decide).toHaveBeenCalledTimes(1));
    expect(decide.mock.calls[0][0]).toMatchObject({
      outcome: 'request_correction',
      items: ['请提交行政处罚决定书复印件', '请提交身份证明'],
    });
  });

  it('a refusal needs its reasons; the API error (code and Chinese message) stays in the form', async () => {
    const user = userEvent.setup({ delay: null });
    const decide = vi.fn((_b: ReviewDecision) =>
      Promise.reject(new ApiError(409, 'CASE_REVIEW_PERIOD_EXPIRED', '受理审查期限已于2026-12-01届满，不能再决定不予受理')),
    );
    renderForm(decide);
    await user.click(screen.getByText('不予受理'));
    await user.click(screen.getByTestId('decision-submit'));
    expect(await screen.findByText('请填写不予受理的理由')).toBeTruthy();
    await user.type(screen.getByLabelText('不予受理的理由'), '不属于行政复议范围');
    await user.click(screen.getByTestId('decision-submit'));
    await confirmDialog(user, /确认不予受理/);
    expect(await screen.findByText('受理审查期限已于2026-12-01届满，不能再决定不予受理')).toBeTruthy();
    expect(screen.getByText('错误代码：CASE_REVIEW_PERIOD_EXPIRED')).toBeTruthy();
    expect(screen.queryByTestId('conflict-alert')).toBeNull();
  });

  it('a 409 because someone else changed the case says so and offers to reload', async () => {
    const user = userEvent.setup({ delay: null });
    const decide = vi.fn((_b: ReviewDecision) =>
      Promise.reject(new ApiError(409, 'CASE_VERSION_CONFLICT', '案件已被他人修改，请刷新后重新操作')),
    );
    const { onReload, onDecided } = renderForm(decide);
    await user.click(screen.getByTestId('decision-submit'));
    await confirmDialog(user, /确认受理/);
    const alert = await screen.findByTestId('conflict-alert');
    expect(alert.textContent).toContain('该案件已被他人修改');
    await user.click(within(alert).getByRole('button', { name: '重新加载' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onDecided).not.toHaveBeenCalled();
  });
});
