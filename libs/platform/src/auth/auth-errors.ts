import { DomainError } from '@fuyi/kernel';

export const AuthErrors = {
  // One answer for an unknown name, a wrong password, an inactive account and a locked one (issue 14 item 2).
  badCredentials: () =>
    new DomainError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误；连续失败5次后需等待15分钟再试', 'unauthenticated'),
  // Issue 14 item 4: asked only once the password was right; a missing, wrong or replayed code is a failed attempt.
  totpRequired: () => new DomainError('AUTH_TOTP_REQUIRED', '该账号已启用动态验证码，请输入验证器中的6位动态验证码', 'unauthenticated'),
  totpInvalid: () => new DomainError('AUTH_TOTP_INVALID', '动态验证码不正确或已使用；连续失败5次后需等待15分钟再试', 'unauthenticated'),
  sessionEnded: () => new DomainError('AUTH_SESSION_ENDED', '登录已失效，请重新登录', 'unauthenticated'),
  tokenInvalid: () => new DomainError('AUTH_TOKEN_INVALID', '登录凭证无效或已过期，请重新登录', 'unauthenticated'),
  refreshInvalid: () => new DomainError('AUTH_REFRESH_INVALID', '刷新凭证无效或已过期，请重新登录', 'unauthenticated'),
};
