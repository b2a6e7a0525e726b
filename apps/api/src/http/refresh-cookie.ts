import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@fuyi/platform';

/**
 * The web console's refresh token (issue 13 item 2): HttpOnly (no script reads it), SameSite=Strict (no other site
 * sends it), Secure as AUTH_COOKIE_SECURE says (always in production by default; `auto`: when the request came over
 * https, directly or, with TRUST_PROXY, through the proxy), and sent only to /api/auth (refresh and logout), never with
 * the other API calls.
 */
export const REFRESH_COOKIE = 'fuyi_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

type CookieReply = FastifyReply & {
  setCookie(name: string, value: string, opts: Record<string, unknown>): FastifyReply;
  clearCookie(name: string, opts: Record<string, unknown>): FastifyReply;
};

type SecureSetting = AppConfig['authCookieSecure'];

const attributes = (req: FastifyRequest, secure: SecureSetting) => ({
  path: REFRESH_COOKIE_PATH,
  httpOnly: true,
  sameSite: 'strict',
  secure: secure === 'always' || (secure === 'auto' && req.protocol === 'https'),
});

export function setRefreshCookie(req: FastifyRequest, reply: FastifyReply, secure: SecureSetting, token: string, maxAgeSeconds: number): void {
  (reply as CookieReply).setCookie(REFRESH_COOKIE, token, { ...attributes(req, secure), maxAge: maxAgeSeconds });
}

export function clearRefreshCookie(req: FastifyRequest, reply: FastifyReply, secure: SecureSetting): void {
  (reply as CookieReply).clearCookie(REFRESH_COOKIE, attributes(req, secure));
}

export function refreshCookieOf(req: FastifyRequest): string | undefined {
  const value = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[REFRESH_COOKIE];
  return value || undefined;
}

/** The cookie as an OpenAPI parameter of POST /api/auth/refresh (Swagger's decorators have none for cookies). */
export const REFRESH_COOKIE_PARAMETER = {
  name: REFRESH_COOKIE,
  in: 'cookie' as const,
  required: false,
  description: '登录时设置的 HttpOnly 刷新 Cookie（浏览器自动携带）；请求体提供 refreshToken 时不使用',
  schema: { type: 'string' as const },
};
