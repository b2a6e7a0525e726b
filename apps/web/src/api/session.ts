import createClient from 'openapi-fetch';
import type { components, paths } from '@generated/api-types';
import { ApiError, apiErrorOf } from './errors';

export type TokenPair = components['schemas']['AuthLoginResponse'];
export type SessionUser = TokenPair['user'];

/**
 * The signed-in session, in memory only: the access token never touches localStorage or sessionStorage (an XSS could
 * read them). The refresh token lives in an HttpOnly, SameSite=Strict cookie scoped to /api/auth that this code
 * never sees; a reload or a new tab gets a fresh access token from POST /api/auth/refresh with that cookie.
 */
export interface SessionState {
  accessToken: string;
  expiresAt: number;
  user: SessionUser;
  credentialChangeRequired: boolean;
  totpEnrolmentRequired: boolean;
}

/** The generated client without the refresh-on-401 wrapper (these calls are the refresh). */
const auth = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost', credentials: 'same-origin' });

let state: SessionState | null = null;
/** Why the last session ended: the login page says "expired" only when the user did not sign out. */
let ended: 'signed-out' | 'expired' | null = null;
let refreshing: Promise<SessionState | null> | null = null;
let bootstrap: Promise<SessionState | null> | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState | null): void {
  state = next;
  for (const l of listeners) l();
}

function fromPair(p: TokenPair): SessionState {
  return {
    accessToken: p.accessToken,
    expiresAt: Date.now() + p.expiresIn * 1000,
    user: p.user,
    credentialChangeRequired: p.credentialChangeRequired,
    totpEnrolmentRequired: p.totpEnrolmentRequired,
  };
}

/** openapi-fetch's answer → the body, or an ApiError (a network failure included). */
async function settle<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: Awaited<typeof call>;
  try {
    r = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器');
  }
  if (r.error !== undefined || !r.response.ok) throw await apiErrorOf(r.response, r.error);
  return r.data as T;
}

export const session = {
  current: (): SessionState | null => state,
  accessToken: (): string | null => state?.accessToken ?? null,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  endedBecause: () => ended,
};

/** getInitialState: the first page that needs the user asks once whether the refresh cookie still holds a session. */
export function ensureSession(): Promise<SessionState | null> {
  if (state) return Promise.resolve(state);
  bootstrap ??= refreshSession().catch(() => null);
  return bootstrap;
}

/** Signs in; the refresh token goes to the HttpOnly cookie only (`refreshTokenIn: 'cookie'`), never into this page. */
export async function signIn(username: string, password: string, totpCode?: string): Promise<SessionState> {
  const pair = await settle(
    auth.POST('/api/auth/login', { body: { username, password, ...(totpCode ? { totpCode } : {}), refreshTokenIn: 'cookie' } }),
  );
  const next = fromPair(pair);
  ended = null;
  bootstrap = Promise.resolve(next);
  set(next);
  return next;
}

/**
 * A new access token from the refresh cookie (on page load and after a 401). One request at a time: parallel 401s
 * share it, since each refresh rotates the cookie and a second use of the old one would end the session (replay).
 * Resolves null when there is no live session (no cookie: 400; expired, revoked or replayed: 401).
 */
export function refreshSession(): Promise<SessionState | null> {
  refreshing ??= (async () => {
    try {
      const pair = await acrossTabs(() => settle(auth.POST('/api/auth/refresh', { body: {} })));
      const next = fromPair(pair);
      set(next);
      return next;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 401)) {
        if (state) ended = 'expired';
        bootstrap = Promise.resolve(null); // known: no session until the next sign-in
        set(null);
        return null;
      }
      throw e;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * Ends this session, or every session of the user (the server revokes them and clears the cookie). The page is signed
 * out only once the server has ended the session (or answered that it had already ended: 401): when the call fails
 * (no connection, a server error) the session is still alive there and its cookie still signs this browser in, so the
 * page stays signed in and the error goes to the caller, which tells the clerk and offers to try again.
 */
export async function signOut(everywhere = false): Promise<void> {
  // An access token about to run out is renewed first, so the server really ends the session and clears the cookie.
  // A refresh that fails for an outage throws (the session may be alive); null: no session is left to end.
  const live = state && state.expiresAt - Date.now() < 10_000 ? await refreshSession() : state;
  if (live) {
    const headers = { authorization: `Bearer ${live.accessToken}` };
    try {
      await settle(everywhere ? auth.POST('/api/auth/logout-all', { headers }) : auth.POST('/api/auth/logout', { headers }));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
  }
  ended = 'signed-out';
  bootstrap = Promise.resolve(null);
  set(null);
}

/**
 * Tabs of one browser share the cookie: two refreshing at once would send the same token twice, which the server reads
 * as a replay and ends the session everywhere. The Web Locks API queues them, so the second sends the rotated cookie.
 */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('fuyi-refresh', work) as unknown as Promise<T>) : work();
}
