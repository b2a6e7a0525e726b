/**
 * Intake at full speed (issue 15 item 1): the real api under HTTP load against a minimal Fastify + `pg` route doing a
 * plain intake transaction, both measured in the same run on the same core.
 *
 * The server under test (the api built from source, or the baseline) runs pinned to CPU 0, this process (the load
 * generator, autocannon) to CPU 1; PostgreSQL is not pinned. Each side gets a warm-up, then BENCH_SECONDS (15) of load
 * from BENCH_CONNECTIONS (64) connections, every request a valid application with its own ID number (township clerk's
 * token: auth, validation, encryption, blind index, case number, clocks and milestones, audit, outbox all run).
 * Reported: req/s, p50/p95/p99, the ratios, round trips and statements of one registration (counted inside the api by a
 * preloaded hook on pg's Client#query), and the CPU share of the server and of PostgreSQL during the load.
 *
 *   npm run bench intake     (BENCH_SECONDS=15 BENCH_CONNECTIONS=64)
 */
import 'reflect-metadata';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { seedDemoDistrict, DEMO_PASSWORD } from '../db/seed/seed';
import { APP_DB_ROLE } from '@fuyi/platform';
import { applicationBody } from '../test/support/factories';
import { withBenchDatabase } from './bench-database';

const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number };
  statusCodeStats?: Record<string, { count: number }>;
  non2xx: number;
  errors: number;
  duration: number;
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROOT = join(__dirname, '..');

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

/** CPU seconds (user + system) of a process, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
/** Every PostgreSQL server process (postmaster and backends), by pid. */
function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') out.set(Number(d), cpuSeconds(Number(d)));
    } catch { /* gone */ }
  }
  return out;
}
const pgDelta = (a: Map<number, number>, b: Map<number, number>) => [...b].reduce((s, [pid, v]) => s + v - (a.get(pid) ?? 0), 0);

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn('taskset', ['-c', '0', process.execPath, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (process.env.BENCH_ECHO) process.stderr.write(b);
      if (ready.test(out)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-2000)}`)));
  });
}

/** `url` is the route's full address (the api serves it under /api, the baseline at the root). */
async function load(url: string, token: string | null, respondentId: number, seconds: number): Promise<AutocannonResult> {
  const { origin, pathname } = new URL(url);
  return autocannon({
    url: origin, connections: CONNECTIONS, duration: seconds, method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requests: [{ method: 'POST', path: pathname, setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(applicationBody(respondentId)) }) }],
  });
}

async function measure(child: ChildProcess, url: string, token: string | null, respondentId: number) {
  await load(url, token, respondentId, 3); // warm-up: JIT, pools, caches
  const [server0, pg0] = [cpuSeconds(child.pid!), postgresCpu()];
  const r = await load(url, token, respondentId, SECONDS);
  const [server1, pg1] = [cpuSeconds(child.pid!), postgresCpu()];
  return {
    reqPerSec: Math.round(r.requests.average), total: r.requests.total, non2xx: r.non2xx, errors: r.errors,
    p50: r.latency.p50, p95: r.latency.p97_5, p99: r.latency.p99,
    serverCpuShare: +((server1 - server0) / r.duration).toFixed(2), postgresCpuShare: +(pgDelta(pg0, pg1) / r.duration).toFixed(2),
  };
}

/** Round trips and statements of one registration, from the api's preloaded counter. */
async function countOne(api: ChildProcess, url: string, token: string, respondentId: number) {
  const read = () => new Promise<[number, number]>((resolve) => {
    const onData = (b: Buffer) => {
      const m = /QUERY-COUNT (\d+) (\d+)/.exec(b.toString());
      if (m) { api.stderr!.off('data', onData); resolve([Number(m[1]), Number(m[2])]); }
    };
    api.stderr!.on('data', onData);
    api.kill('SIGUSR2');
  });
  const register = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(applicationBody(respondentId)) });
  await register(); // the first one loads the calendar into the process's cache; the steady state is what counts
  const before = await read();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(applicationBody(respondentId)) });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  const after = await read();
  return { roundTrips: after[0] - before[0], statements: after[1] - before[1] };
}

export async function run(): Promise<Record<string, unknown>> {
  try { execSync(`taskset -cp 1 ${process.pid}`, { stdio: 'ignore' }); } catch { /* one core: unpinned */ }
  return withBenchDatabase(4, async (ds) => {
    await seedDemoDistrict(ds);
    const [{ id: respondentId }] = await ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    const ownerUrl = (ds.options as { url: string }).url;
    const appUrl = new URL(ownerUrl);
    appUrl.username = APP_DB_ROLE;
    const [apiPort, basePort] = [await freePort(), await freePort()];
    const api = await start(['-r', '@swc-node/register', '-r', './bench/intake/count-queries.js', 'apps/api/src/main.ts'], {
      NODE_ENV: 'development', PORT: String(apiPort), DATABASE_URL: appUrl.toString(), OWNER_DATABASE_URL: ownerUrl,
      QUEUE_PREFIX: `fuyi-bench-${apiPort}`, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000',
    }, /API 已启动/);
    const apiUrl = `http://127.0.0.1:${apiPort}/api`;
    try {
      const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhongcang', password: DEMO_PASSWORD }) });
      const { accessToken } = await login.json() as { accessToken: string };
      const perRegistration = await countOne(api, `${apiUrl}/applications`, accessToken, respondentId);
      const apiFigures = await measure(api, `${apiUrl}/applications`, accessToken, respondentId);
      api.kill('SIGTERM');
      const baseline = await start(['-r', '@swc-node/register', 'bench/intake/baseline-server.ts'], { PORT: String(basePort), DATABASE_URL: ownerUrl }, /baseline ready/);
      try {
        const base = await measure(baseline, `http://127.0.0.1:${basePort}/applications`, null, respondentId);
        return {
          connections: CONNECTIONS, seconds: SECONDS, api: apiFigures, baseline: base, perRegistration,
          ratio: { reqPerSec: +(apiFigures.reqPerSec / base.reqPerSec).toFixed(2), p99: +(apiFigures.p99 / base.p99).toFixed(2) },
        };
      } finally {
        baseline.kill('SIGTERM');
      }
    } finally {
      api.kill('SIGTERM');
    }
  });
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
