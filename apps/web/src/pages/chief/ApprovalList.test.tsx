import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MemoryRouter } from 'react-router';
import { ApiError } from '../../api/errors';
import { KINDS, type ApprovalItem, type Decide } from './api';
import { ApprovalList } from './ApprovalList';

/** A row as the API lists it: by default the head may approve and return it (both in its allowedActions). */
const item = (kind: ApprovalItem['kind'], n: number, actions = [KINDS[kind].approveAction, KINDS[kind].returnAction]): ApprovalItem => ({
  kind,
  caseId: `00000000-0000-4000-8000-00000000000${n}`,
  caseNumber: `通复〔2026〕第0000${n}号`,
  state: 'decision_pending',
  stateLabel: '决定待审批',
  version: 4 + n,
  procedure: 'ordinary',
  category: 'penalty',
  townshipId: 1,
  township: '中仓',
  respondentDepartmentId: 1,
  respondent: '区公安分局',
  handlerId: null,
  handler: '李承办',
  applicants: '张建华',
  receiptAt: '2026-11-02T02:00:00.000Z',
  acceptedOn: '2026-11-03',
  nextDue: '2026-12-30',
  flags: { overdue: false, paused: false, extended: false },
  clocks: [],
  allowedActions: actions.map((action) => ({ action, label: action })),
});

function renderList(
  decide: (d: Decide) => Promise<{ caseNumber: string; stateLabel: string }>,
  onReload = vi.fn(),
  items = [item('decision', 1), item('termination', 2)],
) {
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <MemoryRouter>
          <ApprovalList items={items} decide={decide} onReload={onReload} />
        </MemoryRouter>
      </AntApp>
    </ConfigProvider>,
  );
  return onReload;
}

describe('ApprovalList (the head approves or returns)', { timeout: 45_000 }, () => {
  it('approves a decision after a confirmation naming the article, with the version the list showed, and shows the result', async () => {
    const user = userEvent.setup({ delay: null });
    const decide = vi.fn((_d: Decide) => Promise.resolve({ caseNumber: '通复〔2026〕第00001号', stateLabel: '已作出决定' }));
    renderList(decide);
    await user.click(screen.getByRole('button', { name: '批准决定 通复〔2026〕第00001号' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('《行政复议法》第六十三条至第七十二条');
    await user.click(within(dialog).getByRole('button', { name: /确认批准/ }));
    await waitFor(() =>
      expect(decide).toHaveBeenCalledWith({ kind: 'decision', caseId: item('decision', 1).caseId, version: 5, returnReason: undefined }),
    );
    expect((await screen.findByTestId('approval-result')).textContent).toContain(
      '已批准行政复议决定：通复〔2026〕第00001号，案件状态现为“已作出决定”',
    );
  });

  it('a return needs a reason; a four-eyes refusal is shown as the API words it', async () => {
    const user = userEvent.setup({ delay: null });
    const refusal = new ApiError(403, 'CASE_SAME_APPROVER', '不能审批本人提交的终止申请；须由提交人以外的机构负责人审批');
    const decide = vi.fn((_d: Decide) => Promise.reject(refusal));
    renderList(decide);
    await user.click(screen.getByRole('button', { name: '退回 通复〔2026〕第00002号' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('《行政复议法》第四十一条');
    await user.click(within(dialog).getByRole('button', { name: /确认退回/ }));
    expect(await within(dialog).findByText('请填写退回理由（将告知承办人）')).toBeTruthy();
    expect(decide).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText('退回理由'), '终止理由与材料不符');
    await user.click(within(dialog).getByRole('button', { name: /确认退回/ }));
    await waitFor(() =>
      expect(decide).toHaveBeenCalledWith({
        kind: 'termination',
        caseId: item('termination', 2).caseId,
        version: 6,
        returnReason: '终止理由与材料不符',
      }),
    );
    expect((await within(dialog).findByTestId('api-error')).textContent).toContain('不能审批本人提交的终止申请');
  });

  it('a 409 says someone else changed the case and offers to reload', async () => {
    const user = userEvent.setup({ delay: null });
    const decide = vi.fn((_d: Decide) => Promise.reject(new ApiError(409, 'CASE_VERSION_CONFLICT', '案件已被修改')));
    const onReload = renderList(decide);
    await user.click(screen.getByRole('button', { name: '批准决定 通复〔2026〕第00001号' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /确认批准/ }));
    await user.click(await within(dialog).findByRole('button', { name: /重新加载/ }));
    expect(onReload).toHaveBeenCalled();
  });

  it('shows only the buttons the row allowedActions lists (no 批准 on a decision the head submitted)', () => {
    renderList(vi.fn(), vi.fn(), [item('decision', 1, ['return_decision']), item('extension', 3, [])]);
    expect(screen.queryByRole('button', { name: '批准决定 通复〔2026〕第00001号' })).toBeNull();
    expect(screen.getByRole('button', { name: '退回 通复〔2026〕第00001号' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '批准延期 通复〔2026〕第00003号' })).toBeNull();
    expect(screen.queryByRole('button', { name: '退回 通复〔2026〕第00003号' })).toBeNull();
    expect(screen.getByText('无权审批')).toBeTruthy();
  });
});
