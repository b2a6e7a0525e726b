import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/form-errors';
import { refreshSession } from '../../api/session';
import { useSession } from '../../api/use-session';
import { homeOf } from '../../access';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * One's own password (POST /api/auth/password). An account created or reset by an administrator lands here first
 * (credentialChangeRequired): the API refuses everything else until the password is changed.
 */
export default function ChangePasswordPage() {
  const current = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
      // The other sessions of the account have ended; this one gets its flags anew (no longer "must change").
      const next = await refreshSession();
      message.success('密码已修改；本账号在其他设备上的登录已失效');
      void navigate(next ? homeOf(next.user.role) : '/login', { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        修改密码
      </Typography.Title>
      {current?.credentialChangeRequired && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="首次登录或密码被管理员重置后，须先设置自己的密码" />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="10-128 位，至少包含大写字母、小写字母、数字、符号中的三类，不得包含用户名"
          rules={[{ required: true, message: '请输入新密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
