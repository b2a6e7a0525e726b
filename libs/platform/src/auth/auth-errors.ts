import { DomainError } from '@fuyi/kernel';

export const AuthErrors = {
  badCredentials: () => new DomainError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误', 'unauthenticated'),
  locked: (until: Date) =>
    new DomainError('AUTH_ACCOUNT_LOCKED', '连续登录失败次数过多，账号已临时锁定，请15分钟后再试', 'locked', {
      lockedUntil: until.toISOString(),
    }),
  sessionEnded: () => new DomainError('AUTH_SESSION_ENDED', '登录已失效，请重新登录', 'unauthenticated'),
  tokenInvalid: () => new DomainError('AUTH_TOKEN_INVALID', '登录凭证无效或已过期，请重新登录', 'unauthenticated'),
  refreshInvalid: () => new DomainError('AUTH_REFRESH_INVALID', '刷新凭证无效或已过期，请重新登录', 'unauthenticated'),
};
