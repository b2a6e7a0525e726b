import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { AppConfig } from '@fuyi/platform';

/**
 * Real worker processes for tests: `node -r @swc-node/register apps/worker/src/main.ts` (no build), against the
 * test database and Redis of a TestDatabase, with short scan / poll / sweep periods so that tests finish quickly.
 */
const ROOT = join(__dirname, '..', '..');
export const WORKER_READY = '复议 worker 已启动';

export interface WorkerOptions {
  /** NOTIFY_CHANNELS; '' = no log-only channel (with webhookUrl: the webhook only). Default: the worker's default. */
  channels?: string;
  webhookUrl?: string;
  /** FUYI_NOW: the instant the worker takes as now (test mode only). */
  now?: string;
  /** Anything else to put in the child's environment (overrides the defaults below). */
  env?: Record<string, string>;
  /** How long to wait for the ready line on stdout. */
  readyTimeoutMs?: number;
  /** A label in error messages. */
  name?: string;
  /** The entry point to run (default: the worker) and the line it prints once ready. */
  script?: string;
  readyLine?: string;
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<WorkerExit>;
  alive(): boolean;
  /** Sends a signal (default SIGKILL) and waits for the exit, at most timeoutMs (then SIGKILL). */
  kill(signal?: NodeJS.Signals, timeoutMs?: number): Promise<WorkerExit>;
  /** Pino log lines of level ≥ warn (40) that the worker printed, parsed. */
  warnings(): Array<{ level: number; msg: string; context?: string }>;
}

/** Every worker spawned by this module, so that a test file can kill whatever is left even after a failure. */
const spawned = new Set<WorkerProcess>();
// Last resort if the test process goes away without its afterAll (e.g. Jest tearing a worker down): no orphans.
process.once('exit', () => {
  for (const w of spawned) if (w.alive()) w.child.kill('SIGKILL');
});

export function workerEnv(config: AppConfig, opts: WorkerOptions = {}): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: config.databaseUrl,
    OWNER_DATABASE_URL: config.ownerDatabaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    LOG_LEVEL: 'warn',
    REMINDER_SCAN_MS: '200',
    OUTBOX_POLL_MS: '100',
    RECOVERY_SWEEP_MS: '1000',
    RECOVERY_STALE_SECONDS: '3',
    // Several processes per test and two test files at once share one PostgreSQL (max_connections 100 by default);
    // 12 keeps a worker's 4 queues × 8 concurrent jobs busy enough (8 slowed deliveries past the recovery tests' limits).
    DATABASE_POOL_MAX: '12',
  };
  if (opts.channels !== undefined) env.NOTIFY_CHANNELS = opts.channels;
  if (opts.webhookUrl) env.WEBHOOK_URL = opts.webhookUrl;
  if (opts.now) env.FUYI_NOW = opts.now;
  return { ...env, ...(opts.env ?? {}) };
}

/** Spawns a worker without waiting for it (see startWorker). */
export function spawnWorker(config: AppConfig, opts: WorkerOptions = {}): WorkerProcess {
  const base = { ...process.env };
  // Nothing of the parent's own settings may leak into the child (e.g. a developer's FUYI_NOW or WEBHOOK_URL).
  for (const k of ['FUYI_NOW', 'WEBHOOK_URL', 'NOTIFY_CHANNELS', 'DELIVERY_MAX_ATTEMPTS']) delete base[k];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', opts.script ?? 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...base, ...workerEnv(config, opts) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<WorkerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
    child.once('error', () => resolve({ code: null, signal: null, at: Date.now() }));
  });
  const name = opts.name ?? `worker#${child.pid}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const proc: WorkerProcess = {
    name,
    child,
    pid: child.pid ?? -1,
    stdout: () => out,
    stderr: () => err,
    exited,
    alive,
    async kill(signal: NodeJS.Signals = 'SIGKILL', timeoutMs = 10_000) {
      if (alive()) child.kill(signal);
      const timer = setTimeout(() => alive() && child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    warnings: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => {
          try {
            return JSON.parse(l);
          } catch {
            return null;
          }
        })
        .filter((j) => j && typeof j.level === 'number' && j.level >= 40),
  };
  spawned.add(proc);
  void exited.then(() => spawned.delete(proc));
  return proc;
}

/** Spawns a worker and waits for its ready line on stdout; fails (and kills it) if it exits or the deadline passes. */
export async function startWorker(config: AppConfig, opts: WorkerOptions = {}): Promise<WorkerProcess> {
  const w = spawnWorker(config, opts);
  try {
    await pollUntil(() => w.stdout().includes(opts.readyLine ?? WORKER_READY) || !w.alive(), opts.readyTimeoutMs ?? 45_000, `${w.name} ready`, () => describeWorker(w));
    if (!w.alive()) throw new Error(`${w.name} exited before it was ready\n${describeWorker(w)}`);
    return w;
  } catch (e) {
    await w.kill('SIGKILL');
    throw e;
  }
}

/** SIGKILL for every worker still running (afterEach / afterAll, even after a failure). */
export async function killAllWorkers(): Promise<void> {
  await Promise.all([...spawned].map((w) => w.kill('SIGKILL', 5_000)));
}

export function describeWorker(w: WorkerProcess, tail = 3000): string {
  return `${w.name} (pid ${w.pid}) stdout:\n${w.stdout().slice(-tail)}\nstderr:\n${w.stderr().slice(-tail)}`;
}

/**
 * Polls check() every intervalMs until it returns something truthy, which is returned; after timeoutMs it fails
 * with `what` and, if given, describe()'s text (e.g. the worker's output). For waiting on queues: no fixed sleeps.
 */
export async function pollUntil<T>(
  check: () => Promise<T> | T,
  timeoutMs: number,
  what = 'condition',
  describe?: () => string | Promise<string>,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `\n${await describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Deletes every key under `${prefix}:` (SCAN + DEL), i.e. all this deployment's BullMQ state: queued, active and
 * delayed jobs, job schedulers, events, ids. Returns how many keys were deleted.
 */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export interface WebhookReceiver {
  url: string;
  /** deliveryId → how many times it was received. */
  received: Map<string, number>;
  total(): number;
  duplicates(): Array<[string, number]>;
  close(): Promise<void>;
}

/** A local HTTP receiver for the webhook channel (127.0.0.1, random port): counts each deliveryId, answers 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received = new Map<string, number>();
  let total = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const { deliveryId } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        received.set(String(deliveryId), (received.get(String(deliveryId)) ?? 0) + 1);
        total++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    total: () => total,
    duplicates: () => [...received].filter(([, n]) => n > 1),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
