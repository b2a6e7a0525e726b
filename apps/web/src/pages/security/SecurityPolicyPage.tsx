import { Alert, Button, Card, Space, Switch, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '@fuyi/kernel';
import { api, unwrap } from '../../api/client';
import { MY_FIGURES_KEY } from '../../api/queries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RoleHome } from '../../components/RoleHome';
import type { UserRow } from '../admin/api';
import { RoleChangeModal } from '../admin/RoleChangeModal';
import { UsersTable } from '../admin/UsersTable';

/** Roles (三员分立: only the security administrator changes them) and the second-factor policy per role. */
export default function SecurityPolicyPage() {
  const qc = useQueryClient();
  const [changing, setChanging] = useState<UserRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const policy = useQuery({ queryKey: ['/api/security/totp-policy'], queryFn: () => unwrap(api.GET('/api/security/totp-policy')) });
  const setPolicy = useMutation({
    mutationFn: ({ role, required }: { role: string; required: boolean }) =>
      unwrap(api.PUT('/api/security/totp-policy/{role}', { params: { path: { role: role as Role } }, body: { required } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['/api/security/totp-policy'] });
      void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY }); // 未绑定动态验证码 follows the policy
      void qc.invalidateQueries({ queryKey: ['/api/users'] });
    },
  });
  return (
    <RoleHome title="安全策略">
      {done && <Alert type="success" showIcon role="status" title={done} closable onClose={() => setDone(null)} style={{ marginTop: 16 }} />}
      <Card size="small" style={{ marginTop: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>动态验证码（双因素认证）</h2>}>
        <ApiErrorAlert error={policy.error ?? setPolicy.error} />
        <Table
          rowKey="role"
          size="small"
          pagination={false}
          loading={policy.isPending}
          dataSource={policy.data ?? []}
          aria-label="动态验证码策略"
          columns={[
            { title: '角色', dataIndex: 'label' },
            {
              title: '必须启用',
              dataIndex: 'required',
              width: 140,
              render: (required: boolean, r) => (
                <Space>
                  <Switch
                    checked={required}
                    loading={setPolicy.isPending && setPolicy.variables?.role === r.role}
                    aria-label={`${r.label}必须启用动态验证码`}
                    onChange={(v) => setPolicy.mutate({ role: r.role, required: v })}
                  />
                  <span>{required ? '必须' : '可选'}</span>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>用户角色</h2>}>
        <Typography.Paragraph type="secondary">变更角色后该用户的所有会话立即失效。三员账号及本人角色不能在此变更。</Typography.Paragraph>
        <UsersTable
          actions={(u) =>
            u.active && u.allowedActions.includes('changeRole') ? (
              <Button size="small" onClick={() => setChanging(u)} aria-label={`变更角色 ${u.username}`}>
                变更角色
              </Button>
            ) : null
          }
        />
      </Card>
      <RoleChangeModal user={changing} onClose={() => setChanging(null)} onDone={setDone} />
    </RoleHome>
  );
}
