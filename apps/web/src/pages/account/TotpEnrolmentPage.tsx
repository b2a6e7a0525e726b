import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { refreshSession } from '../../api/session';
import { homeOf } from '../../access';

/**
 * Second-factor enrolment (POST /api/auth/totp/enrol, then /confirm). A user whose role requires one lands here
 * (totpEnrolmentRequired). The secret is shown once, for the authenticator app; then one code confirms it.
 */
export default function TotpEnrolmentPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [secret, setSecret] = useState<{ otpauthUri: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const enrol = ({ password }: { password: string }) =>
    run(async () => setSecret(await unwrap(api.POST('/api/auth/totp/enrol', { body: { password } }))));
  const confirm = ({ code }: { code: string }) =>
    run(async () => {
      await unwrap(api.POST('/api/auth/totp/confirm', { body: { code } }));
      const next = await refreshSession();
      message.success('动态验证码已启用；今后登录时须输入验证器中的动态验证码');
      void navigate(next ? homeOf(next.user.role) : '/login', { replace: true });
    });

  return (
    <Card style={{ maxWidth: 520 }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        绑定动态验证码
      </Typography.Title>
      <Typography.Paragraph>您所在的角色要求登录时使用动态验证码（TOTP）。请在手机上的验证器应用中添加本账号。</Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} role="alert" />}
      {!secret ? (
        <Form layout="vertical" onFinish={enrol} requiredMark={false}>
          <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            获取密钥
          </Button>
        </Form>
      ) : (
        <Form layout="vertical" onFinish={confirm} requiredMark={false}>
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title="在验证器中选择“输入设置密钥”，填入下面的密钥（只显示这一次）"
            description={
              <Typography.Text copyable code data-testid="totp-secret">
                {secret.secret}
              </Typography.Text>
            }
          />
          <Form.Item
            label="验证器显示的6位动态验证码"
            name="code"
            rules={[{ required: true, pattern: /^[0-9]{6}$/, message: '动态验证码为6位数字' }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            确认启用
          </Button>
        </Form>
      )}
    </Card>
  );
}
