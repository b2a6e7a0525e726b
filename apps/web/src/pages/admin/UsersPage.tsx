import { App, Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, ApiError } from '../../api/errors';
import { RoleHome } from '../../components/RoleHome';
import { useDeactivate, useResetPassword, type UserRow } from './api';
import { OneTimePassword } from './OneTimePassword';
import { temporaryPassword } from './temp-password';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UsersTable } from './UsersTable';

const failure = (e: unknown) => `${errorMessage(e)}${e instanceof ApiError ? `（错误代码：${e.code}）` : ''}`;

/** User administration (system administrator): accounts' existence and passwords; roles are the security administrator's. */
export default function UsersPage() {
  const { modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const reset = useResetPassword();
  const deactivate = useDeactivate();

  const confirmReset = (u: UserRow) =>
    modal.confirm({
      title: `重置 ${u.displayName}（${u.username}）的密码？`,
      content: '将生成临时密码，仅显示一次；该用户的所有会话立即失效，下次登录须修改密码。',
      okText: '重置密码',
      cancelText: '取消',
      onOk: async () => {
        const password = temporaryPassword();
        try {
          await reset.mutateAsync({ id: u.id, password });
          setResult(null);
          setShown({ username: u.username, password });
        } catch (e) {
          setResult({ ok: false, text: `未能重置 ${u.username} 的密码：${failure(e)}` });
        }
      },
    });
  const confirmDeactivate = (u: UserRow) =>
    modal.confirm({
      title: `停用 ${u.displayName}（${u.username}）？`,
      content: '停用后该用户不能登录，其所有会话立即失效。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deactivate.mutateAsync(u.id);
          setResult({ ok: true, text: `已停用 ${u.username}。` });
        } catch (e) {
          setResult({ ok: false, text: `未能停用 ${u.username}：${failure(e)}` });
        }
      },
    });

  return (
    <RoleHome title="用户管理">
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>用户</h2>}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新建用户
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">角色变更由安全管理员办理（三员分立）。</Typography.Paragraph>
        {result && <Alert type={result.ok ? 'success' : 'error'} showIcon role="status" title={result.text} closable onClose={() => setResult(null)} style={{ marginBottom: 12 }} data-testid="users-result" />}
        <UsersTable
          actions={(u) => (
            // Only what the API allows on the row (三员: nothing on the three administrator accounts).
            <Space size={4}>
              {u.allowedActions.includes('edit') && (
                <Button size="small" onClick={() => setEditing(u)} aria-label={`编辑 ${u.username}`}>
                  编辑
                </Button>
              )}
              {u.allowedActions.includes('resetPassword') && u.active && (
                <Button size="small" onClick={() => confirmReset(u)} aria-label={`重置密码 ${u.username}`}>
                  重置密码
                </Button>
              )}
              {u.allowedActions.includes('deactivate') && (
                <Button size="small" danger onClick={() => confirmDeactivate(u)} aria-label={`停用 ${u.username}`}>
                  停用
                </Button>
              )}
            </Space>
          )}
        />
      </Card>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} onCreated={(username, password) => setShown({ username, password })} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} onDone={(text) => setResult({ ok: true, text })} />
      <OneTimePassword shown={shown} onClose={() => setShown(null)} />
    </RoleHome>
  );
}
