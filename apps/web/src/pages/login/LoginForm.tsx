import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { ApiError, errorMessage } from '../../api/errors';

export interface Credentials {
  username: string;
  password: string;
  totpCode?: string;
}

/**
 * The sign-in form. What went wrong comes from the API's code and message (wrong password and lockout share one
 * answer by design, issue 14 item 2); the one-time-code field appears when the account asks for it.
 */
export function LoginForm({ onSubmit }: { onSubmit: (c: Credentials) => Promise<unknown> }) {
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'AUTH_TOTP_REQUIRED' || e.code === 'AUTH_TOTP_INVALID')) setNeedsTotp(true);
      if (e instanceof ApiError && e.code === 'AUTH_TOTP_INVALID') form.setFieldValue('totpCode', '');
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} aria-label="登录" size="large">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />}
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {needsTotp && (
        <Form.Item
          label="动态验证码"
          name="totpCode"
          extra="请输入验证器中显示的6位数字"
          rules={[{ required: true, pattern: /^[0-9]{6}$/, message: '动态验证码为6位数字' }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}
