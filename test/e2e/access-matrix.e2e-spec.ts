import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@fuyi/kernel';
import { createApp } from '../../apps/api/src/create-app';
import { API_PREFIX, apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { applicationBody } from '../support/factories';
import { collectRoutes, type AppRoute } from '../support/routes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 14 "Must show": the access matrix. Every route read from the application's router (a route missing from ACCESS
 * fails the test) × every role × {own township, other township, assigned, not assigned, signed out}, against the
 * expected answer; lists never show a township clerk another township's case.
 *
 * Write routes get an empty JSON body: the matrix checks the gate (authentication, role, case scope, assignment),
 * which answers before the body is validated; what passes the gate is then refused or done by the route itself.
 */
const TC = 'township_clerk', RC = 'reconsideration_clerk', SC = 'section_chief', OH = 'office_head';
const MD = 'mediator', LO = 'liaison_officer', AD = 'admin', AU = 'auditor', SA = 'security_admin';
const PUBLIC = 'public' as const;
const ANY = 'any' as const;
type Access = typeof PUBLIC | typeof ANY | string[];

/** Who may call each route. Written out by hand: changing a route's roles must change this table. */
const ACCESS: Record<string, Access> = {
  'DELETE /calendar/days/:date': [AD],
  'GET /applications': [TC, RC, SC, OH],
  'GET /audit': [AU],
  'GET /audit/export': [AU],
  'GET /audit/verify': [AU],
  'GET /auth/me': ANY,
  'GET /calendar-versions': [AD, AU],
  'GET /calendar/:year': ANY,
  'GET /case-numbers/gaps': [SC, OH],
  'GET /cases/:id': [TC, RC, SC, OH, LO],
  'GET /cases/:id/acceptance-review': [TC, RC, SC, OH],
  'GET /cases/:id/approval-requests': [RC, SC, OH],
  'GET /cases/:id/assignment-proposal': [SC, OH],
  'GET /cases/:id/clocks': [TC, RC, SC, OH, LO],
  'GET /cases/:id/copy-reports': [LO, RC, SC, OH],
  'GET /cases/:id/documents': [TC, RC, SC, OH, LO],
  'GET /cases/:id/files': [TC, RC, SC, OH, LO],
  'GET /cases/:id/documents/:documentId/versions': [TC, RC, SC, OH, LO],
  'GET /cases/:id/documents/:documentId/versions/:version/download': [TC, RC, SC, OH, LO],
  'GET /cases/:id/package': [RC, SC, OH],
  'GET /cases/:id/document-types': [RC, SC, OH],
  'GET /cases/:id/hearing-requirements': [RC, SC, OH],
  'GET /cases/:id/litigation': [LO, RC, SC, OH],
  'GET /cases/:id/participation': [RC, SC, OH],
  'GET /cases/:id/timeline': [RC, SC, OH],
  'GET /consultations': [TC, RC, SC, OH],
  'GET /deliveries/dead-letters': [AD],
  'GET /docs/*': PUBLIC,
  'GET /docs/docs/*': PUBLIC, // Swagger UI's static files under /api/docs
  'GET /documents/:documentId/download': [TC, RC, SC, OH, LO],
  'GET /files/:fileId/download': [TC, RC, SC, OH, LO, MD],
  'GET /group-disputes': [LO, RC, SC, OH],
  'GET /group-disputes/:id': [LO, RC, SC, OH],
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /intake-queue': [RC, SC, OH],
  'GET /liaison/copy-reports': [LO, RC, SC, OH],
  'GET /liaison/documents/:documentId/download': [LO, RC, SC, OH],
  'GET /liaison/lawsuits/:id': [LO, RC, SC, OH],
  'GET /liaison/letters': [LO, RC, SC, OH],
  'GET /liaison/letters/:id': [LO, RC, SC, OH],
  'GET /liaison/letters/:id/files': [LO, RC, SC, OH],
  'GET /liaison/risk-notices': [LO, RC, SC, OH],
  'GET /liaison/risk-notices/:id': [LO, RC, SC, OH],
  'GET /liaison/risk-notices/:id/files': [LO, RC, SC, OH],
  'GET /liaison/stats': [LO, RC, SC, OH],
  'GET /liaison/view': [LO, RC, SC, OH],
  'GET /me/figures': [TC, RC, SC, OH, MD, LO, AD, AU, SA],
  'GET /public/decisions': PUBLIC,
  'GET /public/decisions/:publicationId': PUBLIC,
  'GET /public/decisions/facets': PUBLIC,
  'GET /statistics/cases': [RC, SC, OH, LO],
  'GET /statistics/clocks': [RC, SC, OH, LO],
  'GET /statistics/clocks/cases': [RC, SC, OH, LO],
  'GET /statistics/export': [RC, SC, OH, LO],
  'GET /statistics/figures': [RC, SC, OH, LO],
  'GET /statistics/heads': [RC, SC, OH, LO],
  'GET /statistics/heads/items': [RC, SC, OH, LO],
  'GET /statistics/overview': [RC, SC, OH, LO],
  'GET /statistics/townships': [RC, SC, OH, LO],
  'GET /statistics/yearly-report': [RC, SC, OH, LO],
  'GET /statistics/years': [RC, SC, OH, LO],
  'GET /mediation/documents/:documentId/download': [TC, RC, SC, OH, MD, LO],
  'GET /mediation/files': [TC, RC, SC, OH, MD, LO],
  'GET /mediation/files/:id': [TC, RC, SC, OH, MD, LO],
  'GET /mediation/files/:id/materials': [RC, SC, OH, MD, LO],
  'GET /mediation/files/:id/assignment-proposal': [MD, OH],
  'GET /mediation/files/:id/documents': [TC, RC, SC, OH, MD, LO],
  'GET /mediation/files/:id/sessions': [TC, RC, SC, OH, MD, LO],
  'GET /mediation/measures': [MD, RC, SC, OH],
  'GET /mediation/mediators': [MD, OH],
  'GET /mediation/work-list': [MD],
  'GET /metrics': [AD],
  'GET /notifications': ANY,
  'GET /notifications/unread-count': ANY,
  'GET /reference/categories': ANY,
  'GET /reference/departments': ANY,
  'GET /reference/townships': ANY,
  'GET /reminder-policies': [AD, OH],
  'GET /security/totp-policy': [SA],
  'GET /users': [AD, SA],
  'GET /work/my-queue': [RC, SC, OH],
  'GET /work/office': [RC, SC, OH],
  'GET /work/search': [RC, SC, OH],
  'PATCH /liaison/lawsuits/:id': [LO],
  'PATCH /liaison/lawsuits/:id/hearings/:index': [LO],
  'PATCH /users/:id': [AD],
  'POST /admin/queues-session': [AD],
  'POST /applications': [TC, RC, SC, OH],
  'POST /auth/login': PUBLIC,
  'POST /auth/logout': ANY,
  'POST /auth/logout-all': ANY,
  'POST /auth/password': ANY,
  'POST /auth/refresh': PUBLIC,
  'POST /auth/totp/confirm': ANY,
  'POST /auth/totp/enrol': ANY,
  'POST /calendar/years/:year/load': [AD],
  'POST /calendar/years/:year/load-preview': [AD],
  'POST /calendar/days/:date/preview': [AD],
  'POST /calendar/days/:date/removal-preview': [AD],
  'POST /cases/:id/abandon': [RC, SC, OH],
  'POST /cases/:id/acceptance-review': [RC, SC, OH],
  'POST /cases/:id/archive': [RC, SC, OH],
  'POST /cases/:id/assign': [SC, OH],
  'POST /cases/:id/committee-opinion': [RC, SC, OH],
  'POST /cases/:id/convert-to-ordinary': [OH],
  'POST /cases/:id/copy-sent': [RC, SC, OH],
  'POST /cases/:id/correction-received': [TC, RC, SC, OH],
  'POST /cases/:id/decision': [RC, SC, OH],
  'POST /cases/:id/decision/approve': [OH],
  'POST /cases/:id/decision/return': [OH],
  'POST /cases/:id/documents': [RC, SC, OH],
  'POST /cases/:id/files': [TC, RC, SC, OH],
  'POST /cases/:id/documents/:documentId/versions': [RC, SC, OH],
  'POST /mediation/files/:id/materials': [RC, SC, OH, MD, LO],
  'POST /cases/:id/extend': [OH],
  'POST /cases/:id/extension-request': [RC, SC, OH],
  'POST /cases/:id/extension-request/return': [OH],
  'POST /cases/:id/hearing-waivers': [RC, SC, OH],
  'POST /cases/:id/hearings': [RC, SC, OH],
  'POST /cases/:id/hearings/:hearingId/minutes': [RC, SC, OH],
  'POST /cases/:id/mediation-settlement': [OH],
  'POST /cases/:id/parties': [RC, SC, OH],
  'POST /cases/:id/parties/notified': [RC, SC, OH],
  'POST /cases/:id/publication/withdraw': [OH],
  'POST /cases/:id/publish': [OH],
  'POST /cases/:id/query-code/reissue': [TC, RC, SC, OH],
  'POST /cases/:id/reply-received': [RC, SC, OH],
  'POST /cases/:id/resume': [RC, SC, OH],
  'POST /cases/:id/services': [RC, SC, OH],
  'POST /cases/:id/suspend': [RC, SC, OH],
  'POST /cases/:id/terminate': [OH],
  'POST /cases/:id/termination-request': [RC, SC, OH],
  'POST /cases/:id/termination-request/return': [OH],
  'POST /consultations': [TC, RC, SC, OH],
  'POST /deadlines/compute': ANY,
  'POST /group-disputes/:id/dismiss': [LO],
  'POST /liaison/copy-reports/:id/issue': [LO, RC, SC, OH],
  'POST /liaison/lawsuits': [LO],
  'POST /liaison/lawsuits/:id/complaint-received': [LO],
  'POST /liaison/lawsuits/:id/defence': [LO],
  'POST /liaison/lawsuits/:id/hearings': [LO],
  'POST /liaison/lawsuits/:id/judgment': [LO],
  'POST /liaison/lawsuits/direct': [LO],
  'POST /liaison/letters': [LO],
  'POST /liaison/letters/:id/close': [LO],
  'POST /liaison/letters/:id/feedback': [LO],
  'POST /liaison/letters/:id/files': [LO],
  'POST /liaison/letters/:id/issue': [OH],
  'POST /liaison/letters/:id/receive': [LO],
  'POST /liaison/risk-notices': [LO],
  'POST /liaison/risk-notices/:id/acknowledge': [LO],
  'POST /liaison/risk-notices/:id/approve': [OH],
  'POST /liaison/risk-notices/:id/close': [LO],
  'POST /liaison/risk-notices/:id/files': [LO],
  'POST /liaison/risk-notices/:id/reject': [OH],
  'POST /liaison/risk-notices/:id/response': [LO],
  'POST /liaison/risk-notices/:id/send': [LO],
  'POST /liaison/risk-notices/:id/submit': [LO],
  'POST /mediation/files/:id/assign': [MD, OH],
  'POST /mediation/files/:id/documents': [MD, OH],
  'POST /mediation/files/:id/extension': [MD],
  'POST /mediation/files/:id/follow-up': [MD],
  'POST /mediation/files/:id/objection': [MD, OH],
  'POST /mediation/files/:id/outcome': [MD, OH],
  'POST /mediation/files/:id/private-notes': [MD],
  'POST /mediation/files/:id/seal': [OH],
  'POST /mediation/files/:id/sessions': [MD],
  'POST /mediation/files/:id/sessions/:sessionId/record': [MD],
  'POST /mediation/files/:id/suspend-case': [RC, SC, OH],
  'POST /mediation/files/:id/take': [MD],
  'POST /mediation/referrals': [TC, RC, SC, OH, MD],
  'POST /notifications/:id/read': ANY,
  'POST /notifications/read-all': ANY,
  'POST /public/case-status': PUBLIC,
  'POST /users': [AD],
  'POST /users/:id/deactivate': [AD],
  'POST /users/:id/reset-password': [AD],
  'POST /work/search/id-number': [RC, SC, OH],
  'POST /work/search/name': [RC, SC, OH],
  'PUT /calendar/days/:date': [AD],
  'PUT /cases/:id/hearings/:hearingId/attendance': [RC, SC, OH],
  'PUT /liaison/letters/:id': [LO],
  'PUT /liaison/risk-notices/:id': [LO],
  'PUT /mediation/mediators/:userId': [MD, OH],
  'PUT /reference/departments/:id/superior': [AD],
  'PUT /reminder-policies/:rule/:recipientRole': [AD],
  'PUT /security/totp-policy/:role': [SA],
  'PUT /users/:id/role': [SA],
};

const USERS: Record<string, string> = { [TC]: 'zhongcang', [RC]: 'clerk', [SC]: 'chief', [OH]: 'head', [MD]: 'mediator', [LO]: 'liaison', [AD]: 'admin', [AU]: 'auditor', [SA]: 'secadmin' };
const CONTEXTS = ['own township', 'other township', 'assigned', 'not assigned', 'signed out'] as const;
type Context = (typeof CONTEXTS)[number];
/** Counter work any intake clerk may do on any case in scope (apps/api/src/auth/case-access.guard.ts). */
const COUNTER_ROUTES = new Set(['/cases/:id/query-code/reissue']);

type Outcome = 'pass' | 401 | 403 | 404;

function expected(route: AppRoute, role: string, ctx: Context): Outcome {
  const access = ACCESS[`${route.method} ${route.url}`];
  if (access === PUBLIC) return 'pass';
  if (ctx === 'signed out') return 401;
  if (access !== ANY && !access.includes(role)) return 403;
  if (route.url.startsWith('/cases/:id')) {
    if (role === TC && ctx === 'other township') return 404;
    if (role === RC && ctx === 'not assigned' && route.method !== 'GET' && !COUNTER_ROUTES.has(route.url)) return 403;
  }
  return 'pass';
}

function outcomeOf(status: number, code: string | undefined): Outcome | 'other' {
  if (status === 401) return 401;
  if (status === 403 && (code === 'FORBIDDEN_ROLE' || code === 'FORBIDDEN' || code === 'CASE_NOT_HANDLER')) return 403;
  if (status === 404 && code === 'CASE_NOT_FOUND') return 404;
  return status < 500 ? 'pass' : 'other';
}

describe('access matrix: every route × every role × context', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let routes: AppRoute[];
  const tokens: Record<string, string> = {};
  const cases: Record<'A' | 'B' | 'C', { id: string; caseNumber: string }> = {} as never;

  // The matrix is written in API paths without the /api prefix (issue 11); the router's own paths are read back the same way.
  const unprefixed: string[] = []; // the static start of each route served at the root
  const atRoot = (url: string) => unprefixed.some((p) => url === p || (p.endsWith('/') && url.startsWith(p)));
  const call = (method: string, url: string, token?: string, payload?: unknown) =>
    app.inject({ method: method as 'GET', url: atRoot(url) ? url : apiPath(url), headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as never });

  async function signIn(role: string) {
    const res = await call('POST', '/auth/login', undefined, { username: USERS[role], password: DEMO_PASSWORD });
    tokens[role] = res.json().accessToken;
  }

  /** Registered at `by`'s counter and accepted by `accepter` (who becomes its handler). */
  async function acceptedCase(by: string, accepter: string) {
    const [{ id: dept }] = await db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    const reg = await call('POST', '/applications', byToken[by], applicationBody(dept));
    const { caseId, caseNumber } = reg.json();
    const review = await call('POST', `/cases/${caseId}/acceptance-review`, byToken[accepter], { outcome: 'accept', version: 1, procedure: 'ordinary' });
    if (review.statusCode !== 200) throw new Error(`accept: ${review.statusCode} ${review.body}`);
    return { id: caseId as string, caseNumber: caseNumber as string };
  }
  const byToken: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { rateLimitPerMinute: 10_000_000 });
    const list = collectRoutes(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    routes = list().map((r) => {
      const prefix = `/${API_PREFIX}`;
      if (r.url.startsWith(`${prefix}/`)) return { ...r, url: r.url.slice(prefix.length) };
      unprefixed.push(r.url.split(/[:*]/)[0]); // served at the root (probes, metrics, the queue board)
      return r;
    });
    for (const role of Object.keys(USERS)) await signIn(role);
    for (const u of ['zhongcang', 'songzhuang', 'clerk', 'clerk2']) {
      byToken[u] = (await call('POST', '/auth/login', undefined, { username: u, password: DEMO_PASSWORD })).json().accessToken;
    }
    cases.A = await acceptedCase('zhongcang', 'clerk'); // township 1, handled by clerk
    cases.B = await acceptedCase('songzhuang', 'clerk'); // township 12, handled by clerk
    cases.C = await acceptedCase('zhongcang', 'clerk2'); // township 1, handled by clerk2
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('every route of the router has an entry in the matrix, and every entry a route', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(keys.filter((k) => !(k in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !keys.includes(k))).toEqual([]);
  });

  const caseFor: Record<Context, 'A' | 'B' | 'C'> = { 'own township': 'A', 'other township': 'B', assigned: 'A', 'not assigned': 'C', 'signed out': 'A' };
  const PARAMS: Record<string, string> = { date: '2026-10-01', year: '2026', index: '0', rule: 'decision', recipientRole: 'handler' };

  function urlFor(route: AppRoute, ctx: Context): string {
    return route.url
      .replace('*', 'index.html')
      .replace(/:(\w+)/g, (_, name: string) => (name === 'id' && route.url.startsWith('/cases/') ? cases[caseFor[ctx]].id : PARAMS[name] ?? '00000000-0000-4000-8000-00000000abcd'));
  }

  it('each route × role × context answers as the matrix says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const role of Object.keys(USERS)) {
        for (const ctx of CONTEXTS) {
          const want = expected(route, role, ctx);
          const res = await call(route.method, urlFor(route, ctx), ctx === 'signed out' ? undefined : tokens[role], route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
          let code: string | undefined;
          try { code = res.json().code; } catch { code = undefined; }
          const got = outcomeOf(res.statusCode, code);
          checked++;
          if (got !== want) mismatches.push(`${route.method} ${route.url} as ${role} (${ctx}): expected ${want}, got ${res.statusCode} ${code ?? ''}`);
          // A logout (or logout everywhere) that went through ends the role's session: sign in again for the rest of the matrix.
          if ((route.url === '/auth/logout' || route.url === '/auth/logout-all') && res.statusCode === 204) await signIn(role);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(routes.length * Object.keys(USERS).length * CONTEXTS.length);
    expect(Object.keys(USERS).sort()).toEqual(Object.values(Role).sort()); // every role of the kernel is a column
  }, 300_000); // ~1,900 requests: about 60 s on a quiet machine, 150 s seen under load

  it("lists and searches never contain another township's case for a township clerk", async () => {
    const lists = routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.includes('*'));
    for (const route of lists) {
      const res = await call('GET', route.url, tokens[TC]);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body).not.toContain(cases.B.id);
      expect(res.body).not.toContain(cases.B.caseNumber);
    }
    // The same lists do show the clerk's own township's case where they list cases (sanity: the check can fail).
    const own = await call('GET', '/applications', tokens[TC]);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(cases.A.id);
    expect(own.body).toContain(cases.C.id);
  });
});
