import { useEffect } from 'react';
import { Alert } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import { canOpen, homeOf } from '../../access';
import { ensureSession, signIn } from '../../api/session';
import { LoginForm, type Credentials } from './LoginForm';

interface LoginState {
  next?: string;
  reason?: 'expired' | 'signed-out' | null;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const go = (role: string) => {
    const next = state.next && canOpen(role, state.next) ? state.next : homeOf(role);
    void navigate(next, { replace: true });
  };
  // Already signed in (the refresh cookie holds a session): straight to the role's page.
  useEffect(() => {
    void ensureSession().then((s) => s && go(s.user.role));
  }, []);

  const submit = async ({ username, password, totpCode }: Credentials) => {
    const s = await signIn(username.trim(), password, totpCode);
    go(s.user.role);
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 400 }}>
        {/* Plain elements rather than Card and Typography: the first page of the console loads as little as it can. */}
        <h1 style={{ textAlign: 'center', fontSize: 26, fontWeight: 600, margin: '0 0 24px' }}>复议办案平台</h1>
        <div style={{ background: '#fff', borderRadius: 8, padding: 24, boxShadow: '0 1px 2px rgba(0,0,0,0.06)' }}>
          {state.reason === 'expired' && (
            <Alert type="warning" showIcon title="登录已过期或已在其他设备上退出，请重新登录" style={{ marginBottom: 16 }} data-testid="session-expired" />
          )}
          {state.reason === 'signed-out' && <Alert type="success" showIcon title="已安全退出" style={{ marginBottom: 16 }} />}
          <LoginForm onSubmit={submit} />
        </div>
        <p style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/status">申请人查询案件办理进度</Link>
        </p>
      </main>
    </div>
  );
}
