import { Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Role, ROLE_LABELS } from '@fuyi/kernel';
import { useTownships } from '../../api/reference';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useUsers, type UserRow } from './api';

interface Filters {
  text?: string;
  role?: string;
  townshipId?: number;
  active?: Status;
}

type Status = 'yes' | 'no' | 'locked' | 'totpMissing';
/** ?status=locked / totpMissing (a home figure opens the list so): only the rows that figure counts; otherwise the active users. */
const statusOf = (search: string): Status => {
  const s = new URLSearchParams(search).get('status');
  return s === 'locked' || s === 'totpMissing' ? s : 'yes';
};
const STATUS_OPTIONS = [
  { value: 'yes', label: '在用' },
  { value: 'no', label: '已停用' },
  { value: 'locked', label: '登录被锁定' },
  { value: 'totpMissing', label: '未绑定动态验证码' },
];

const roleLabel = (r: string) => ROLE_LABELS[r as Role] ?? r;

/** The users as the API lists them (by username), filtered on the page; `actions` renders the last column. */
export function UsersTable({ actions }: { actions: (u: UserRow) => ReactNode }) {
  const users = useUsers();
  const townships = useTownships();
  const { search } = useLocation();
  const [form] = Form.useForm<Filters>();
  const [f, setF] = useState<Filters>(() => ({ active: statusOf(search) }));
  useEffect(() => {
    // A figure clicked on the page that shows the list (the security page) changes only the address.
    const next = { active: statusOf(search) };
    form.resetFields();
    form.setFieldsValue(next);
    setF(next);
  }, [form, search]);
  const townshipName = useMemo(() => new Map((townships.data ?? []).map((t) => [t.id, t.name])), [townships.data]);
  const rows = (users.data?.items ?? []).filter(
    (u) =>
      (!f.text || u.username.includes(f.text.trim()) || u.displayName.includes(f.text.trim())) &&
      (!f.role || u.role === f.role) &&
      (!f.townshipId || u.townshipId === f.townshipId) &&
      (!f.active || (f.active === 'locked' || f.active === 'totpMissing' ? u[f.active] === true : u.active === (f.active === 'yes'))),
  );
  return (
    <>
      <Form<Filters> form={form} name="user-filters" layout="inline" initialValues={f} onValuesChange={(_, all) => setF(all)} aria-label="筛选用户" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="text" label="用户名或姓名">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={Object.values(Role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="townshipId" label="街乡镇">
          <Select allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 130 }} options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        <Form.Item name="active" label="状态">
          <Select allowClear placeholder="全部" style={{ width: 170 }} options={STATUS_OPTIONS} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={users.error} />
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={users.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 人` }}
        aria-label="用户列表"
        data-testid="users-table"
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          { title: '角色', dataIndex: 'role', width: 120, render: roleLabel },
          { title: '街乡镇', dataIndex: 'townshipId', width: 110, render: (id: number | null) => (id ? townshipName.get(id) ?? id : <Typography.Text type="secondary">—</Typography.Text>) },
          { title: '科室', dataIndex: 'section', width: 100, render: (s: string | null) => s ?? <Typography.Text type="secondary">—</Typography.Text> },
          {
            title: '状态', dataIndex: 'active', width: 120,
            render: (a: boolean, u) => (
              <>
                {a ? <Tag color="blue">在用</Tag> : <Tag>已停用</Tag>}
                {u.locked && <Tag color="orange">登录被锁定</Tag>}
                {u.totpMissing && <Tag color="gold">未绑定动态验证码</Tag>}
              </>
            ),
          },
          { title: '操作', key: 'actions', render: (_, u) => <Space size={4}>{actions(u)}</Space> },
        ]}
      />
      {users.data?.nextCursor && <Typography.Paragraph type="secondary">仅显示按用户名排序的前 500 人。</Typography.Paragraph>}
    </>
  );
}
