import createClient from 'openapi-fetch';
import type { paths } from '@generated/api-types';
import { ApiError, apiErrorOf } from './errors';
import { refreshSession, session } from './session';

/** Access-token errors after which one silent refresh is worth trying (anything else on 401 is final). */
const EXPIRED = new Set(['AUTH_TOKEN_INVALID', 'AUTH_SESSION_ENDED', 'AUTH_REQUIRED']);
const NO_REPLAY = new Set(['/api/auth/login', '/api/auth/refresh']);

/**
 * fetch with the in-memory access token; on a 401 for an expired token it refreshes once (cookie) and replays the
 * request. The body is cloned first, since a Request's body can be read only once.
 */
export async function authFetch(input: Request): Promise<Response> {
  const replay = input.clone();
  const withToken = (req: Request, token: string | null) => {
    if (token) req.headers.set('authorization', `Bearer ${token}`);
    return req;
  };
  let res: Response;
  try {
    res = await fetch(withToken(input, session.accessToken()));
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器');
  }
  // A 401 from signing in or refreshing is the answer itself; any other call (password change and TOTP enrolment
  // included) is worth one refresh and a replay.
  if (res.status !== 401 || NO_REPLAY.has(new URL(input.url).pathname)) return res;
  const body = (await res.clone().json().catch(() => null)) as { code?: string } | null;
  if (body?.code && !EXPIRED.has(body.code)) return res;
  const next = await refreshSession();
  if (!next) return res;
  return fetch(withToken(replay, next.accessToken));
}

/** The typed client over generated/api-types.ts (openapi-typescript of the api's document): the only way pages call the API. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost', fetch: authFetch });

/** `const data = await unwrap(api.GET(...))`: the body, or an ApiError carrying the API's code and Chinese message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw await apiErrorOf(response, error);
  return data as T;
}
