import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import type { Lawsuit, Letter } from './api';

const patch = vi.fn();
const put = vi.fn();
vi.mock('../../api/client', async (orig) => ({
  ...(await orig<typeof import('../../api/client')>()),
  api: { PATCH: (...a: unknown[]) => patch(...a), PUT: (...a: unknown[]) => put(...a) },
}));
vi.mock('../../api/reference', () => ({
  useDepartments: () => ({
    isPending: false,
    data: [
      { id: 3, name: '区城市管理委员会' },
      { id: 5, name: '区住房和城乡建设委员会' },
    ],
  }),
}));
const { LawsuitActionDialog } = await import('./LawsuitActionDialog');
const { LetterEditDialog } = await import('./LetterEditDialog');

const answer = (status: number, body: object) => ({
  ...(status < 300 ? { data: body } : { error: body }),
  response: new Response(JSON.stringify(body), { status }),
});
const CONFLICT = (code: string) => answer(409, { statusCode: 409, code, message: '已被他人修改，请刷新后重新操作', requestId: 'r' });

const SUIT = {
  id: 's1',
  court: '北京市第三中级人民法院',
  courtCaseNumber: '（2026）京03行初1号',
  version: 4,
  hearings: [],
} as unknown as Lawsuit;
const CORRECT = { action: 'correct_court', label: '更正法院和案号' } as const;
const LETTER = {
  id: 'l1',
  recipient: '区城市管理委员会',
  recipientDepartmentId: 3,
  version: 2,
  problems: ['告知不充分'],
  recommendations: ['规范告知'],
} as unknown as Letter;

function openLawsuit() {
  const onDone = vi.fn();
  const onReload = vi.fn();
  render(
    <App>
      <LawsuitActionDialog s={SUIT} action={CORRECT} onClose={() => {}} onDone={onDone} onReload={onReload} />
    </App>,
  );
  return { onDone, onReload };
}

function openLetter() {
  const onDone = vi.fn();
  const onReload = vi.fn();
  render(
    <App>
      <LetterEditDialog l={LETTER} onClose={() => {}} onDone={onDone} onReload={onReload} />
    </App>,
  );
  return { onDone, onReload };
}

describe('更正法院和案号 (the lawsuit allowedAction correct_court)', () => {
  beforeEach(() => patch.mockReset());

  it('starts from the recorded court and number and sends the correction with the version read', async () => {
    patch.mockResolvedValue(answer(200, { id: 's1', version: 5 }));
    const { onDone } = openLawsuit();
    const number = screen.getByLabelText('法院案号') as HTMLInputElement;
    expect((screen.getByLabelText('受理法院') as HTMLInputElement).value).toBe('北京市第三中级人民法院');
    expect(number.value).toBe('（2026）京03行初1号');
    const user = userEvent.setup();
    await user.clear(number);
    await user.type(number, '（2026）京03行初12号');
    await user.click(screen.getByRole('button', { name: /确认更正法院和案号/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(patch).toHaveBeenCalledWith('/api/liaison/lawsuits/{id}', {
      params: { path: { id: 's1' } },
      body: { version: 4, court: '北京市第三中级人民法院', courtCaseNumber: '（2026）京03行初12号' },
    });
  });

  it('does not send an empty case number', async () => {
    openLawsuit();
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('法院案号'));
    await user.click(screen.getByRole('button', { name: /确认更正法院和案号/ }));
    expect(await screen.findByText('请填写法院案号')).toBeTruthy();
    expect(patch).not.toHaveBeenCalled();
  });

  it('a 409 (someone corrected it meanwhile) says so and offers to reload', async () => {
    patch.mockResolvedValue(CONFLICT('LIAISON_LAWSUIT_VERSION_CONFLICT'));
    const { onDone, onReload } = openLawsuit();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /确认更正法院和案号/ }));
    expect((await screen.findByTestId('conflict-alert')).textContent).toContain('该记录已被他人修改');
    await user.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onReload).toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('修改意见书（建议书）草稿 (the letter allowedAction edit)', () => {
  beforeEach(() => put.mockReset());

  it('starts from the draft, one item a line, and sends the lists with the version read', async () => {
    put.mockResolvedValue(answer(200, { ...LETTER, version: 3 }));
    const { onDone } = openLetter();
    const problems = screen.getByLabelText('存在的问题') as HTMLTextAreaElement;
    expect(problems.value).toBe('告知不充分');
    const user = userEvent.setup();
    await user.type(problems, '{enter}未载明救济途径{enter}');
    await user.click(screen.getByRole('button', { name: /确认修改/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(put).toHaveBeenCalledWith('/api/liaison/letters/{id}', {
      params: { path: { id: 'l1' } },
      body: { version: 2, recipientDepartmentId: 3, problems: ['告知不充分', '未载明救济途径'], recommendations: ['规范告知'] },
    });
  });

  it('a 409 offers to reload instead of overwriting', async () => {
    put.mockResolvedValue(CONFLICT('LIAISON_LETTER_VERSION_CONFLICT'));
    const { onReload } = openLetter();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /确认修改/ }));
    expect(await screen.findByTestId('conflict-alert')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onReload).toHaveBeenCalled();
  });
});
