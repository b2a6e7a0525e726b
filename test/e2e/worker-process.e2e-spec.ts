import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { JobName, OutboxService, QueueName, redisConnection } from '@fuyi/platform';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** The worker as a real process (no build: TypeScript through @swc-node/register), against the test database and Redis. */
const ROOT = join(__dirname, '..', '..');
const READY = '复议 worker 已启动';

interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function startWorker(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', OUTBOX_POLL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls until check() is truthy; fails with what was last seen once the deadline passes. */
async function until<T>(what: string, check: () => Promise<T> | T, deadlineMs: number, describe?: () => string): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${describe ? `\n${describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe('worker process', () => {
  let t: TestApp;
  let worker: Proc | undefined;
  let env: Record<string, string>;
  const started: Proc[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    env = {
      DATABASE_URL: t.db.config.databaseUrl,
      OWNER_DATABASE_URL: t.db.config.ownerDatabaseUrl,
      REDIS_URL: t.db.config.redisUrl,
      QUEUE_PREFIX: t.db.config.queuePrefix,
    };
  });
  afterAll(async () => {
    for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(started.map((p) => withDeadline(p.exited, 5000, 'worker exit').catch(() => undefined)));
    await t?.close();
  });

  it('starts and says so on stdout', async () => {
    worker = startWorker(env);
    started.push(worker);
    const w = worker;
    await until(`"${READY}" on stdout`, () => w.stdout().includes(READY) || w.child.exitCode !== null, 30_000, () => `stdout:\n${w.stdout()}\nstderr:\n${w.stderr()}`);
    expect(w.child.exitCode).toBeNull();
    expect(w.stdout()).toContain(READY);
  }, 35_000);

  it('relays the outbox: a registered case and a job added through OutboxService are marked sent and processed', async () => {
    const w = worker!;
    const clerk = await t.login('zhongcang');
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${clerk}`).send(applicationBody(dept));
    expect(reg.status).toBe(201);
    const ghost = '00000000-0000-4000-8000-000000000001';
    await t.db.ds.transaction((m) => new OutboxService().add(m, { name: JobName.CaseRegistered, data: { caseId: ghost } }));

    const rows: Array<{ id: string; payload: any; sent_at: Date | null }> = await until(
      'every outbox row to get sent_at',
      async () => {
        const r = await t.db.ds.query(`SELECT id, payload, sent_at FROM outbox WHERE job_name = $1 ORDER BY id`, [JobName.CaseRegistered]);
        return r.length >= 2 && r.every((x: any) => x.sent_at) ? r : null;
      },
      10_000,
      () => `worker stderr:\n${w.stderr()}`,
    );
    expect(rows.map((r) => r.payload.caseId)).toEqual([reg.body.caseId, ghost]);

    const connection = redisConnection(t.db.config.redisUrl);
    const queue = new Queue(QueueName.Cases, { connection, prefix: t.db.config.queuePrefix });
    try {
      const results = await until(
        'both jobs to complete',
        async () => {
          const states = await Promise.all(rows.map((r) => queue.getJobState(`outbox-${r.id}`)));
          if (!states.every((s) => s === 'completed')) return null;
          // Read the jobs only once they are completed: a Job fetched earlier keeps the returnvalue it had then (null).
          const jobs = await Promise.all(rows.map((r) => queue.getJob(`outbox-${r.id}`)));
          return jobs.map((j) => j!.returnvalue);
        },
        10_000,
      );
      expect(results).toEqual(['done', 'skipped']); // the job for a case that does not exist is skipped, not failed
      expect((await queue.getJobCounts()).failed).toBe(0);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }, 25_000);

  it('SIGTERM: exits with code 0 within 10 seconds', async () => {
    const w = worker!;
    const sent = Date.now();
    w.child.kill('SIGTERM');
    const { code, signal, at } = await withDeadline(w.exited, 10_000, 'worker after SIGTERM');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(at - sent).toBeLessThan(10_000);
    expect(w.stderr()).not.toMatch(/^ {4}at /m);
  }, 15_000);

  it('with Redis unreachable: exits non-zero within ~10 s, a Chinese message naming Redis on stderr, no stack trace', async () => {
    const p = startWorker({ ...env, REDIS_URL: 'redis://127.0.0.1:6390' });
    started.push(p);
    const t0 = Date.now();
    const { code, at } = await withDeadline(p.exited, 15_000, 'worker with Redis down');
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(at - t0).toBeLessThan(12_000);
    const stderr = p.stderr();
    expect(stderr).toContain('Redis');
    expect(stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(p.stdout()).not.toContain(READY);
  }, 20_000);

  it('refuses to start when Redis may evict keys (maxmemory-policy other than noeviction)', async () => {
    // A Redis of its own, so the shared one keeps its policy for the other test files running alongside.
    const port = 20000 + Math.floor(Math.random() * 20000);
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    try {
      const probe = redisConnection(`redis://127.0.0.1:${port}`, { lazyConnect: false, retryStrategy: () => 100 });
      probe.on('error', () => undefined);
      await until('the evicting Redis to answer', () => probe.ping().then(() => true, () => false), 5000);
      probe.disconnect();
      const p = startWorker({ ...env, REDIS_URL: `redis://127.0.0.1:${port}` });
      started.push(p);
      const { code } = await withDeadline(p.exited, 15_000, 'worker with an evicting Redis');
      expect(code).not.toBe(0);
      expect(p.stderr()).toContain('noeviction');
      expect(p.stderr()).not.toMatch(/^ {4}at /m);
      expect(p.stdout()).not.toContain(READY);
    } finally {
      redis.kill('SIGKILL');
    }
  }, 60_000); // a worker process start takes seconds alone, over 25 s on a loaded CI box
});
