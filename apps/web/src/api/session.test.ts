import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const PAIR = {
  accessToken: 'access-1',
  expiresIn: 900,
  user: { id: 'u1', username: 'zhongcang', displayName: '中仓分中心', role: 'township_clerk', townshipId: 1 },
  credentialChangeRequired: false,
  totpEnrolmentRequired: false,
};
const json = (status: number, body: unknown) =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The session module with fetch answering login, then each logout as `logout` says. */
async function signedIn(logout: () => Promise<Response>) {
  vi.resetModules();
  const fetch = vi.fn((req: Request) => (new URL(req.url).pathname === '/api/auth/login' ? Promise.resolve(json(200, PAIR)) : logout()));
  vi.stubGlobal('fetch', fetch);
  const mod = await import('./session');
  await mod.signIn('zhongcang', 'secret');
  return { ...mod, fetch };
}

describe('signOut (the server must end the session before the page says so)', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('a failed logout call (no connection, a server error) keeps the page signed in and rejects', async () => {
    const answers = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(json(503, { code: 'UNAVAILABLE', message: '服务暂不可用' })),
    ];
    const s = await signedIn(() => answers.shift()!());
    await expect(s.signOut()).rejects.toMatchObject({ status: 0, message: '无法连接服务器' });
    expect(s.session.current()?.user.username).toBe('zhongcang');
    await expect(s.signOut()).rejects.toMatchObject({ status: 503 });
    expect(s.session.current()).not.toBeNull();
    expect(s.session.endedBecause()).toBeNull();
  });

  it('signed out once the server ended the session, or said it had already ended (401)', async () => {
    const ok = await signedIn(() => Promise.resolve(new Response(null, { status: 204 })));
    await ok.signOut();
    expect(ok.session.current()).toBeNull();
    expect(ok.session.endedBecause()).toBe('signed-out');
    const gone = await signedIn(() => Promise.resolve(json(401, { code: 'AUTH_SESSION_REVOKED', message: '会话已结束' })));
    await gone.signOut(true);
    expect(gone.session.current()).toBeNull();
    expect(new URL((gone.fetch.mock.calls.at(-1)![0] as Request).url).pathname).toBe('/api/auth/logout-all');
  });
});
