import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { applicationBody } from '../support/factories';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { collectRoutes, type AppRoute } from '../support/routes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 14 "Must show" (fuzzing): fast-check over every write route read from the router and the public routes, with
 * arbitrary JSON (deep nesting, huge strings and arrays, prototype keys, full-width digits, control characters, wrong
 * types, near-valid bodies with one field broken), in-process through Fastify's inject. Held: no 5xx, no row changed
 * by a rejected request (row triggers record every committed change), Object.prototype untouched.
 */
const PER_ROUTE = 115;
/** Written on purpose by refusals: attempt counters, rate-limit counts and the audit rows of refused logins. */
// audit_heads moves only with an audit row, and audit rows are checked one by one below.
const BOOKKEEPING_TABLES = new Set(['login_attempts', 'public_lookup_attempts', 'rate_limits', 'audit_heads']);
const AUDITED_REFUSALS = new Set(['auth.login_failed', 'auth.account_locked', 'auth.refresh_reuse', 'case.query_code_reissue_refused', 'user.management_refused']);
const ROLES = ['clerk', 'zhongcang', 'chief', 'head', 'admin', 'auditor', 'secadmin', 'mediator', 'liaison'] as const;

describe('fuzzing every write route and the public routes (fast-check, in-process)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let routes: AppRoute[];
  const tokens: Record<string, string> = {};
  let caseId: string;
  let dept: number;
  let lastChange = 0;

  const apiRoutes = new Set<string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { rateLimitPerMinute: 10_000_000 });
    const list = collectRoutes(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    // Written without the /api prefix, as the templates are (issue 11); a route served at the root keeps its path.
    routes = list()
      .map((r) => (r.url.startsWith('/api/') ? ((apiRoutes.add(`${r.method} ${r.url.slice(4)}`), { ...r, url: r.url.slice(4) })) : r))
      .filter((r) => r.method !== 'GET' || /^\/(health|public)\//.test(r.url));
    for (const u of ROLES) await signIn(u);
    [{ id: dept }] = await db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    const reg = await app.inject({ method: 'POST', url: apiPath('/applications'), headers: { authorization: `Bearer ${tokens.zhongcang}` }, payload: applicationBody(dept) });
    caseId = reg.json().caseId;
    // Every committed row change, with the audit action: SECURITY DEFINER so the application role need not see the table.
    await db.owner.query(`CREATE TABLE fuzz_changes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, detail text)`);
    await db.owner.query(`CREATE FUNCTION fuzz_note() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN
        INSERT INTO fuzz_changes (tbl, op, detail) VALUES (TG_TABLE_NAME, TG_OP, CASE WHEN TG_TABLE_NAME = 'audit_log' THEN to_jsonb(NEW)->>'action' END);
        RETURN NULL;
      END $$`);
    const tables: Array<{ name: string }> = await db.owner.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('fuzz_changes', 'schema_migrations')`,
    );
    for (const { name } of tables) await db.owner.query(`CREATE TRIGGER fuzz_note AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_note()`);
    [{ last: lastChange }] = await db.owner.query(`SELECT coalesce(max(id), 0)::int AS last FROM fuzz_changes`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function signIn(role: string): Promise<void> {
    const res = await app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: role, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${role}: ${res.statusCode}`);
    tokens[role] = res.json().accessToken;
  }

  // ---- generators -------------------------------------------------------------------------------------------------
  const weird = fc.oneof(
    fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}),
    fc.constantFrom(
      '１２３４５６', '１１０１０１１９９００３０７００３８', '\u0000', 'a\u0007b', '\u202eabc', '\ud800', '\ufeff', '\u3000', '',
      'NaN', '-1', '1e309', '2026-02-30', '9999-99-99', "' OR 1=1 --", '__proto__', 'constructor', '110101199003070038', '13812345678',
    ),
    fc.nat(300_000).map((n) => 'x'.repeat(n)), // huge string (the body limit is 1 MB)
    fc.nat(20_000).map((n) => Array.from({ length: n }, () => 1)), // huge array
    fc.integer({ min: 2_147_483_648, max: Number.MAX_SAFE_INTEGER }),
  );
  const templates = (url: string): Record<string, unknown> | null => {
    if (url === '/applications') return applicationBody(dept);
    if (url === '/consultations') return { visitorName: '李四', visitorPhone: '13987654321', topic: '对拆除决定不服', category: 'penalty', advice: '告知申请期限' };
    if (url === '/users') return { username: 'fuzz.user', displayName: '新用户', role: 'township_clerk', townshipId: 1, password: 'LongEnough#2026' };
    if (url === '/auth/totp/enrol') return { password: 'not-the-password' };
    if (url === '/auth/totp/confirm') return { code: '123456' };
    if (url === '/security/totp-policy/:role') return { required: true };
    if (url === '/users/:id/role') return { role: 'mediator', version: 1 };
    if (url === '/auth/login') return { username: 'fuzz-nobody', password: 'x' };
    if (url === '/auth/refresh') return { refreshToken: `${randomUUID()}.abc` };
    if (url === '/public/case-status') return { caseNumber: '通复〔2026〕第00001号', queryCode: 'K7M2QX' };
    if (url === '/deadlines/compute') return { rule: 'decision', from: '2026-08-04' };
    if (url.endsWith('/acceptance-review')) return { outcome: 'accept', version: 1, procedure: 'ordinary' };
    return { version: 1, reason: '理由', date: '2026-11-20' };
  };
  /** A template with one leaf replaced, removed, or an unknown key added. */
  const mutated = (template: Record<string, unknown>) =>
    fc.tuple(fc.nat(), fc.constantFrom('replace', 'delete', 'add'), weird).map(([pick, how, value]) => {
      const body = structuredClone(template) as any;
      const paths: string[][] = [];
      const walk = (o: any, p: string[]) => {
        for (const k of Object.keys(o)) {
          paths.push([...p, k]);
          if (o[k] && typeof o[k] === 'object') walk(o[k], [...p, k]);
        }
      };
      walk(body, []);
      const path = paths[pick % Math.max(paths.length, 1)] ?? ['extra'];
      const parent = path.slice(0, -1).reduce((o, k) => o[k], body);
      const key = path[path.length - 1];
      if (how === 'replace') parent[key] = value;
      else if (how === 'delete') delete parent[key];
      else parent[`x${pick % 7}`] = value;
      return JSON.stringify(body);
    });
  const proto = (text: string) =>
    fc.constantFrom(
      '"__proto__":{"polluted":"yes","isAdmin":true}',
      '"constructor":{"prototype":{"polluted":"yes"}}',
      '"__proto__":[1,2,3]',
      '"prototype":{"polluted":"yes"}',
    ).map((extra) => (text.startsWith('{') && text.length > 2 ? `{${extra},${text.slice(1)}` : `{${extra}}`));
  const bodyFor = (url: string) => {
    const t = templates(url)!;
    return fc.oneof(
      { weight: 4, arbitrary: mutated(t) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.integer({ min: 33, max: 3_000 }).map((d) => (d % 2 ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d))) },
      { weight: 1, arbitrary: proto(JSON.stringify(t)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 50 }) }, // not JSON at all
    );
  };
  const param = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(name === 'id' ? caseId : randomUUID()) },
      { weight: 1, arbitrary: fc.constantFrom('1', '0', '-1', '2026', '2026-10-01', 'decision', 'handler', '99999999999', '１２', '%00', '..%2f..') },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent) },
    );
  const requestFor = (r: AppRoute) => {
    const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
    return fc.record({
      params: fc.tuple(...names.map(param)),
      body: bodyFor(r.url),
      role: fc.constantFrom<string | null>(...ROLES, null),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
    }).map(({ params, body, role, contentType }) => {
      let url = r.url;
      names.forEach((n, i) => (url = url.replace(`:${n}`, params[i] as string)));
      return { url, body, role, contentType };
    });
  };

  // ---- the property -----------------------------------------------------------------------------------------------
  const stats = { requests: 0, byStatus: {} as Record<number, number> };

  async function changesSince(): Promise<Array<{ tbl: string; op: string; detail: string | null }>> {
    const rows = await db.owner.query(`SELECT id, tbl, op, detail FROM fuzz_changes WHERE id > $1 ORDER BY id`, [lastChange]);
    if (rows.length) lastChange = Number(rows[rows.length - 1].id);
    return rows;
  }

  it('every write route and public route: ≥10,000 requests, no 5xx, rejected requests change nothing, Object.prototype clean', async () => {
    expect(routes.length).toBeGreaterThan(80);
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (req) => {
          const res = await app.inject({
            method: route.method as 'POST', url: apiRoutes.has(`${route.method} ${route.url}`) ? `/api${req.url}` : req.url,
            headers: { 'content-type': req.contentType, ...(req.role ? { authorization: `Bearer ${tokens[req.role]}` } : {}) },
            payload: route.method === 'GET' ? undefined : req.body,
          });
          stats.requests++;
          stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1;
          if (res.statusCode >= 500) throw new Error(`${route.method} ${req.url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          const changed = await changesSince();
          // A fuzzed logout (or logout everywhere) that went through ends that role's session: sign in again so the rest
          // still gets past the guard.
          if ((route.url === '/auth/logout' || route.url === '/auth/logout-all') && res.statusCode === 204 && req.role) {
            await signIn(req.role);
            await changesSince(); // the test's own sign-in, not the fuzzed request
          }
          if (res.statusCode >= 400) {
            const unexpected = changed.filter((c) => !BOOKKEEPING_TABLES.has(c.tbl) && !(c.tbl === 'audit_log' && AUDITED_REFUSALS.has(c.detail ?? '')));
            if (unexpected.length) throw new Error(`${route.method} ${req.url} refused (${res.statusCode}) but changed ${JSON.stringify(unexpected)}`);
          }
          if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== protoKeys.join() || ({} as any).polluted !== undefined || ({} as any).isAdmin !== undefined) {
            throw new Error(`Object.prototype polluted by ${route.method} ${req.url}`);
          }
        }),
        { numRuns: PER_ROUTE, endOnFailure: true },
      );
    }
    process.stdout.write(`fuzz: ${routes.length} routes, ${stats.requests} requests, statuses ${JSON.stringify(stats.byStatus)}\n`);
    expect(stats.requests).toBeGreaterThanOrEqual(10_000);
    // About 60 s on a quiet 2-CPU machine; the margin is for a machine shared with other full runs (load 10+ seen).
  }, 360_000);
});
