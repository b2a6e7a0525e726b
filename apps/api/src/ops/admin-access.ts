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

export function requireAdmin(actor: Actor): Actor {
  if (actor.role !== Role.Admin) throw forbiddenRole();
  return actor;
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
