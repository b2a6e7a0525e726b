import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError, Role, type Actor } from '@fuyi/kernel';

// Same codes and wording as the global AuthGuard, so every 401/403 of the api reads alike.
export const authRequired = () => new DomainError('AUTH_REQUIRED', '请先登录', 'unauthenticated');
export const forbiddenRole = () => new DomainError('FORBIDDEN_ROLE', '当前角色无权执行此操作', 'forbidden');

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const token = value?.startsWith('Bearer ') ? value.slice(7).trim() : undefined;
  return token || undefined;
}

/** The board and /metrics check tokens themselves (outside the global guard): the same holds on a restricted session. */
export function requireAdmin(actor: Actor): Actor {
  if (actor.role !== Role.Admin) throw forbiddenRole();
  if (actor.mustChangePassword) throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，请先修改密码', 'forbidden');
  if (actor.totpEnrolmentRequired) throw new DomainError('TOTP_ENROLMENT_REQUIRED', '您所在角色要求启用动态验证码，请先绑定验证器（POST /api/auth/totp/enrol）', 'forbidden');
  return actor;
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
