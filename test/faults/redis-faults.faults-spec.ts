import { startFaultsEnvironment, type FaultsEnvironment } from '../support/private-services';
import { describeWorker, killAllWorkers, pollUntil, startWorker, type WorkerProcess } from '../support/worker-process';
import { checkNoPartialCases, sleep, startApi, type Api } from './faults-helpers';

/**
 * Issue 14 "Must show" (faults): Redis stopped. Registrations do not need Redis (the outbox row is written in the
 * registration's transaction); a real worker process relays the outbox once Redis is back, without a restart.
 * Private redis-server and PostgreSQL cluster on free ports; the shared services are never touched.
 */
describe('Redis faults (private redis-server)', () => {
  let env: FaultsEnvironment;
  let api: Api;
  let worker: WorkerProcess;
  beforeAll(async () => {
    env = await startFaultsEnvironment();
    [api, worker] = await Promise.all([startApi(env.config, env.owner), startWorker(env.config, { name: 'faults-worker' })]);
  }, 120_000);
  afterAll(async () => {
    await killAllWorkers();
    await api?.close().catch(() => undefined);
    await env?.close();
  });

  const outbox = async () => (await env.owner.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked
       FROM outbox WHERE job_name = 'cases.registered'`,
  ))[0] as { total: number; unsent: number; parked: number };

  it('Redis stopped: 30 registrations commit (201), their outbox rows wait, and the worker relays all of them once Redis is back', async () => {
    await pollUntil(async () => (await outbox()).unsent === 0, 20_000, 'outbox empty before the fault', () => describeWorker(worker));
    await env.redis.stopServer();
    const results = await Promise.all(Array.from({ length: 30 }, () => api.register()));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    await sleep(2_000); // the relay polls every 100 ms: some twenty rounds against a dead Redis
    const during = await outbox();
    expect(during.unsent).toBe(30);
    expect(during.parked).toBe(0);

    await env.redis.startServer();
    await pollUntil(async () => (await outbox()).unsent === 0, 30_000, 'outbox relayed after Redis came back', () => describeWorker(worker));
    const after = await outbox();
    expect(after).toMatchObject({ total: 30, unsent: 0, parked: 0 });
    expect(worker.alive()).toBe(true);
    const { cases, problems } = await checkNoPartialCases(env.owner);
    expect(cases).toBe(30);
    expect(Object.values(problems).every((n) => n === 0)).toBe(true);
  }, 90_000);
});
