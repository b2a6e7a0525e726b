import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { idNumberCheckChar } from '@fuyi/kernel';
import { ApiError } from '../../api/errors';
import type { Categories, Department } from '../../api/reference';
import type { Registration } from './api';
import { RegistrationForm } from './RegistrationForm';
import type { RegisterBody } from './registration';

const DEPARTMENTS: Department[] = [
  { id: 1, name: '区公安分局', kind: 'department', townshipId: null, superior: '市公安局' },
  { id: 2, name: '区城市管理综合行政执法局', kind: 'department', townshipId: null, superior: null },
  { id: 30, name: '中仓街道办事处', kind: 'township', townshipId: 1, superior: '区人民政府' },
];
const CATEGORIES: Categories = {
  categories: { penalty: '行政处罚', demolition: '拆违拆临', other: '其他' },
  channels: { counter: '窗口递交', oral: '口头申请（当场记录）', post: '邮寄', online: '网上申请' },
};

const ID_1 = '110101199003070038';
const first17 = '11010119851120123';
const ID_2 = first17 + idNumberCheckChar(first17);
/** The same number with its last character changed: a wrong check digit. */
const WRONG_CHECK = ID_1.slice(0, 17) + (ID_1[17] === '1' ? '2' : '1');

const REGISTERED: Registration = {
  caseId: '00000000-0000-4000-8000-000000000001',
  caseNumber: '通复〔2026〕第1号',
  queryCode: 'ABCD2345',
  acceptanceDue: '2026-12-11',
  replayed: false,
  receipt: {
    title: '行政复议申请材料接收回执',
    caseNumber: '通复〔2026〕第1号',
    queryCode: 'ABCD2345',
    receivedAt: '2026-12-04T01:30:00.000Z', // the API answers instants in UTC
    receivingOffice: '中仓街道行政复议接待咨询分中心',
    applicants: ['张三'],
    respondent: '区公安分局',
    materials: [{ name: '行政复议申请书', copies: 1 }],
    acceptanceDue: '2026-12-11',
    notice: '',
    lateApplication: null,
  },
};

function renderForm(submit: (body: RegisterBody, key: string) => Promise<Registration>, onRegistered = vi.fn()) {
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <RegistrationForm departments={DEPARTMENTS} categories={CATEGORIES} submit={submit} onRegistered={onRegistered} />
      </AntApp>
    </ConfigProvider>,
  );
  return { onRegistered };
}

/** Picks an option of an Ant Design Select by keyboard: focus, type to filter, Enter. */
async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  const box = screen.getByRole('combobox', { name: label });
  await user.click(box);
  const listOption = await screen.findByTitle(option, undefined, { timeout: 3000 }).catch(() => null);
  if (listOption) await user.click(listOption);
  else {
    await user.type(box, option);
    await user.keyboard('{Enter}');
  }
}

async function fillValid(user: ReturnType<typeof userEvent.setup>, idNumber = ID_1) {
  const applicant = within(screen.getByTestId('applicant-0'));
  await user.type(applicant.getByLabelText('姓名'), '张三');
  await user.type(applicant.getByLabelText('身份证号码'), idNumber);
  await choose(user, '案件类别', '行政处罚');
  await choose(user, '被申请人', '区公安分局');
  await user.type(screen.getByLabelText('行政行为'), '行政处罚决定');
  await user.type(screen.getByLabelText('知道该行为的日期'), '2026-11-20');
  await user.click(screen.getByLabelText('行政复议请求'));
  await user.paste('撤销行政处罚决定');
  await user.click(screen.getByLabelText('事实和理由'));
  await user.paste('处罚认定事实不清');
}

const submitButton = () => screen.getByTestId('register-submit');

// Typing into Ant Design inputs under jsdom is slow on a shared CI machine: a generous limit, not a flaky one.
describe('RegistrationForm (township counter)', { timeout: 45_000 }, () => {
  it('names every missing required field in Chinese and sends nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const submit = vi.fn<(b: RegisterBody, k: string) => Promise<Registration>>();
    renderForm(submit);
    await user.click(submitButton());
    for (const msg of [
      '请填写申请人姓名',
      '请填写申请人身份证号码',
      '请选择案件类别',
      '请选择被申请人',
      '请填写知道该行政行为的日期',
      '请填写行政复议请求',
      '请填写事实和理由',
    ]) {
      expect(await screen.findByText(msg)).toBeTruthy();
    }
    expect(submit).not.toHaveBeenCalled();
  });

  it('refuses an ID number with a wrong check digit as it is typed (the kernel GB 11643 check), and a date not YYYY-MM-DD', async () => {
    const user = userEvent.setup({ delay: null });
    const submit = vi.fn<(b: RegisterBody, k: string) => Promise<Registration>>();
    renderForm(submit);
    const applicant = within(screen.getByTestId('applicant-0'));
    await user.type(applicant.getByLabelText('身份证号码'), WRONG_CHECK);
    expect(await screen.findByText('身份证号码校验位不正确，请核对')).toBeTruthy();
    await user.type(screen.getByLabelText('知道该行为的日期'), '2026/11/20');
    await user.tab();
    expect(await screen.findByText('日期格式应为 YYYY-MM-DD，且须为有效日期')).toBeTruthy();
    await user.click(submitButton());
    await waitFor(() => expect(screen.getAllByText('身份证号码校验位不正确，请核对').length).toBeGreaterThan(0));
    expect(submit).not.toHaveBeenCalled();
  });

  it('registers several applicants and an agent, the ticked materials and the receipt time as a Shanghai instant', async () => {
    const user = userEvent.setup({ delay: null });
    const submit = vi.fn((_b: RegisterBody, _k: string) => Promise.resolve(REGISTERED));
    const { onRegistered } = renderForm(submit);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: /添加申请人/ }));
    const second = within(await screen.findByTestId('applicant-1'));
    await user.type(second.getByLabelText('姓名'), '李四');
    await user.type(second.getByLabelText('身份证号码'), ID_2.toLowerCase());
    await user.type(second.getByLabelText('联系电话'), '13800138000');
    await user.click(screen.getByRole('switch', { name: '有委托代理人' }));
    const agentCard = screen.getByText('委托代理人').closest('.ant-card') as HTMLElement;
    await user.type(within(agentCard).getByLabelText('姓名'), '王律师');
    await user.type(within(agentCard).getByLabelText('身份证号码'), ID_2);
    await user.click(screen.getByRole('checkbox', { name: '授权委托书' }));
    await user.click(submitButton());

    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const [body, key] = submit.mock.calls[0];
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{1,128}$/); // what the API accepts as an Idempotency-Key
    expect(body.applicants).toEqual([
      { kind: 'person', name: '张三', idNumber: ID_1, phone: undefined, address: undefined },
      { kind: 'person', name: '李四', idNumber: ID_2.toUpperCase(), phone: '13800138000', address: undefined },
    ]);
    expect(body.agent).toMatchObject({ kind: 'person', name: '王律师', idNumber: ID_2 });
    expect(body.respondentDepartmentId).toBe(1);
    expect(body.category).toBe('penalty');
    expect(body.act).toMatchObject({ type: '行政处罚决定', knownDate: '2026-11-20' });
    expect(body.materials).toEqual([
      { name: '行政复议申请书', copies: 1 },
      { name: '授权委托书', copies: 1 },
    ]);
    expect(body.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(onRegistered).toHaveBeenCalledWith(REGISTERED);
  });

  it('a resubmission after a lost answer reuses the same Idempotency-Key and the same body; a double click sends once', async () => {
    const user = userEvent.setup({ delay: null });
    let release: (r: Registration) => void = () => {};
    const submit = vi
      .fn<(b: RegisterBody, k: string) => Promise<Registration>>()
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK', '无法连接服务器'))
      .mockImplementationOnce(() => new Promise<Registration>((resolve) => (release = resolve)));
    const { onRegistered } = renderForm(submit);
    await fillValid(user);

    await user.click(submitButton());
    expect(await screen.findByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    expect(onRegistered).not.toHaveBeenCalled();

    // Again, twice in a row while the answer is on its way (a double click): one request, with the first key.
    await user.dblClick(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    release(REGISTERED);
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(submit).toHaveBeenCalledTimes(2);
    const [[body1, key1], [body2, key2]] = submit.mock.calls;
    expect(key2).toBe(key1);
    expect(body2).toEqual(body1);
  });

  it('shows the API error with its code, and the field it names under that field', async () => {
    const user = userEvent.setup({ delay: null });
    const submit = vi.fn((_b: RegisterBody, _k: string) =>
      Promise.reject(
        new ApiError(400, 'CASE_INVALID_INPUT', '知道行政行为的日期不能晚于收件日期', [
          { field: 'act.knownDate', message: '知道行政行为的日期不能晚于收件日期' },
        ]),
      ),
    );
    renderForm(submit);
    await fillValid(user);
    await user.click(submitButton());
    expect(await screen.findByText('错误代码：CASE_INVALID_INPUT')).toBeTruthy();
    const knownDate = screen.getByLabelText('知道该行为的日期');
    const item = knownDate.closest('.ant-form-item') as HTMLElement;
    expect(within(item).getByText('知道行政行为的日期不能晚于收件日期')).toBeTruthy();
  });

  it('Enter in a field submits the form (keyboard use at the counter)', async () => {
    const user = userEvent.setup({ delay: null });
    const submit = vi.fn((_b: RegisterBody, _k: string) => Promise.resolve(REGISTERED));
    renderForm(submit);
    await fillValid(user);
    await user.type(screen.getByLabelText('行政行为'), '{Enter}');
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
  });
});
