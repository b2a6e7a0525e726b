import { DomainError } from '@fuyi/kernel';

export const AuthErrors = {
  // One answer for an unknown name, a wrong password, an inactive account and a locked one (issue 14 item 2).
  badCredentials: () =>
    new DomainError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误；连续失败5次后需等待15分钟再试', 'unauthenticated'),
  sessionEnded: () => new DomainError('AUTH_SESSION_ENDED', '登录已失效，请重新登录', 'unauthenticated'),
  tokenInvalid: () => new DomainError('AUTH_TOKEN_INVALID', '登录凭证无效或已过期，请重新登录', 'unauthenticated'),
  refreshInvalid: () => new DomainError('AUTH_REFRESH_INVALID', '刷新凭证无效或已过期，请重新登录', 'unauthenticated'),
};
