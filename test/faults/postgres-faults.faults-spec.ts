import { startFaultsEnvironment, type FaultsEnvironment } from '../support/private-services';
import { checkNoPartialCases, sleep, startApi, type Api } from './faults-helpers';

/**
 * Issue 14 item 9 and "Must show" (faults): the api against a PRIVATE PostgreSQL cluster (initdb in a temp directory,
 * own port) that the test stops, restarts and whose backends it kills; the shared services are never touched.
 */
describe('PostgreSQL faults (private cluster)', () => {
  let env: FaultsEnvironment;
  let api: Api;
  beforeAll(async () => {
    env = await startFaultsEnvironment();
    api = await startApi(env.config, env.owner);
  }, 120_000);
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    await env?.close();
  });

  it('PostgreSQL stopped during 50 concurrent registrations: only 201 or 503, rows = 201s, no orphan, recovery without restart', async () => {
    const before = (await checkNoPartialCases(env.owner)).cases;
    const statuses = new Map<number, number>();
    const bad503: unknown[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const res = await api.register();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 503) {
          if (res.body?.code !== 'SERVICE_UNAVAILABLE' || res.headers['retry-after'] !== '5') bad503.push(res.body);
          await sleep(20); // a client honouring Retry-After would wait longer; keep the pressure on the api
        }
      }
    };
    const clients = Array.from({ length: 50 }, client);
    await sleep(1_500);
    await env.pg.stopServer('fast');
    await sleep(3_000);
    await env.pg.startServer();
    await sleep(2_000);
    running = false;
    await Promise.all(clients);

    const seen = Object.fromEntries(statuses);
    expect(Object.keys(seen).sort()).toEqual(['201', '503']);
    expect(bad503).toEqual([]);
    // Recovery by itself: the same api instance (no restart) registers again.
    const after = await api.register();
    expect(after.status).toBe(201);
    const { cases, problems } = await checkNoPartialCases(env.owner);
    expect(cases - before).toBe(seen[201] + 1);
    expect(Object.values(problems).every((n) => n === 0)).toBe(true);
    process.stdout.write(`faults: postgres stop: ${JSON.stringify(seen)}\n`);
  }, 60_000);

  it('backends killed mid-transaction (pg_terminate_backend): answers are 201 or 503 and no case is partly written', async () => {
    const before = (await checkNoPartialCases(env.owner)).cases;
    const statuses = new Map<number, number>();
    let running = true;
    let killed = 0;
    const client = async () => {
      while (running) {
        const res = await api.register();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    // Only sessions of the application role inside an open transaction: the kill lands between statements of a registration.
    const killer = async () => {
      while (running) {
        const rows = await env.owner.query(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
            WHERE usename = 'fuyi_app' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
        );
        killed += rows.filter((r: { ok: boolean }) => r.ok).length;
        await sleep(15);
      }
    };
    const work = [...Array.from({ length: 20 }, client), killer()];
    await sleep(4_000);
    running = false;
    await Promise.all(work);

    const seen = Object.fromEntries(statuses);
    expect(killed).toBeGreaterThan(0);
    expect(Object.keys(seen).every((s) => s === '201' || s === '503')).toBe(true);
    expect(seen[503]).toBeGreaterThan(0);
    expect((await api.register()).status).toBe(201);
    const { cases, problems } = await checkNoPartialCases(env.owner);
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((k) => [k, 0])));
    expect(cases - before).toBe((seen[201] ?? 0) + 1);
    process.stdout.write(`faults: pg_terminate_backend: killed ${killed}, ${JSON.stringify(seen)}\n`);
  }, 60_000);
});
