import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { AuditFilterForm, cleanFilters, filtersOf } from './AuditFilterForm';

const renderForm = (onSearch = vi.fn()) => {
  render(
    <ConfigProvider locale={zhCN}>
      <AuditFilterForm onSearch={onSearch} />
    </ConfigProvider>,
  );
  return onSearch;
};
const ACTOR = '8d3c9a0e-1b2f-4c5d-9e8f-0a1b2c3d4e5f';

describe('AuditFilterForm (审计记录筛选)', () => {
  it('sends only the filters filled in, trimmed, when Enter is pressed in a field', async () => {
    const onSearch = renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('操作人ID'), ` ${ACTOR} `);
    await user.type(screen.getByLabelText('对象类型'), 'calendar');
    await user.type(screen.getByLabelText('起始日期'), '2026-12-01');
    await user.type(screen.getByLabelText('截止日期'), '2026-12-05{Enter}');
    await waitFor(() => expect(onSearch).toHaveBeenCalledTimes(1));
    expect(onSearch).toHaveBeenCalledWith({ actorId: ACTOR, subjectType: 'calendar', from: '2026-12-01', to: '2026-12-05' });
  });

  it('offers the known actions with their Chinese names', async () => {
    const onSearch = renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('操作'), 'calendar');
    await user.click(await screen.findByText('修改工作日历（calendar.change）'));
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith({ action: 'calendar.change' }));
  });

  it('says what is wrong beside the field and does not search: bad date, dates reversed, not a user id', async () => {
    const onSearch = renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('起始日期'), '2026-02-30');
    await user.type(screen.getByLabelText('操作人ID'), '张三');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('日期格式应为 YYYY-MM-DD，且须为有效日期')).toBeTruthy();
    expect(screen.getByText(/请填写用户ID/)).toBeTruthy();
    await user.clear(screen.getByLabelText('起始日期'));
    await user.type(screen.getByLabelText('起始日期'), '2026-12-05');
    await user.clear(screen.getByLabelText('操作人ID'));
    await user.type(screen.getByLabelText('截止日期'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('截止日期不能早于起始日期')).toBeTruthy();
    expect(onSearch).not.toHaveBeenCalled();
  });

  it('重置 clears the form and searches everything', async () => {
    const onSearch = renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('对象编号'), 'calendar');
    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    expect(onSearch).toHaveBeenCalledWith({});
    expect((screen.getByLabelText('对象编号') as HTMLInputElement).value).toBe('');
    expect(cleanFilters({ action: '  ', subjectId: ' 42 ' })).toEqual({ subjectId: '42' });
  });

  it('reads the filters a home figure opens the log with from the address, ignoring anything else', () => {
    expect(filtersOf('?action=case.read_personal_data&from=2026-11-29&to=2026-12-05&status=x')).toEqual({
      action: 'case.read_personal_data',
      from: '2026-11-29',
      to: '2026-12-05',
    });
    expect(filtersOf('')).toEqual({});
  });
});
