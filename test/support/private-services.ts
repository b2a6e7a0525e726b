import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureAppRole, ensureDatabase, loadConfig, runMigrations, APP_DB_ROLE, type AppConfig } from '@fuyi/platform';
import { SCHEMA } from '../../db/schema';
import { seedDemoDistrict } from '../../db/seed/seed';

/**
 * Private PostgreSQL and Redis for the faults project (issue 14 "Must show"): a throw-away cluster made with initdb in
 * a temp directory and a redis-server child, both on free ports, so that a test may stop, kill and restart them
 * without touching the shared services on 5432 and 6379. As root, PostgreSQL runs as the `postgres` OS user (initdb
 * refuses root).
 */
const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  return name; // on PATH
}

const asRoot = process.getuid?.() === 0;
const asPg = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));

export class PrivatePostgres {
  private constructor(readonly dir: string, readonly port: number) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'fuyi-faults-pg-'));
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const pg = new PrivatePostgres(dir, await freePort());
    await asPg(pgBin('initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await pg.startServer();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async startServer(): Promise<void> {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=32MB`;
    await asPg(pgBin('pg_ctl'), ['start', '-D', join(this.dir, 'data'), '-w', '-t', '30', '-l', join(this.dir, 'log'), '-o', opts]);
  }

  /** `fast`: rolls back open transactions and closes every connection, like a service stop. */
  async stopServer(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await asPg(pgBin('pg_ctl'), ['stop', '-D', join(this.dir, 'data'), '-w', '-t', '30', '-m', mode]);
  }

  async destroy(): Promise<void> {
    await this.stopServer('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class PrivateRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.startServer();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async startServer(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      child.stdout!.on('data', (d) => {
        out += String(d);
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
  }

  /** Kills our redis-server child (by its pid) and waits for it to exit. */
  async stopServer(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  destroy(): Promise<void> {
    return this.stopServer();
  }
}

export interface FaultsEnvironment {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  config: AppConfig;
  /** Connected as the schema owner: checks and pg_terminate_backend. */
  owner: DataSource;
  close(): Promise<void>;
}

/** A private cluster with the migrated, seeded database `fuyi_faults` and a private Redis. */
export async function startFaultsEnvironment(): Promise<FaultsEnvironment> {
  const [pg, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
  const ownerUrl = new URL(pg.url);
  ownerUrl.pathname = '/fuyi_faults';
  await ensureDatabase(ownerUrl.toString());
  await ensureAppRole(ownerUrl.toString());
  await runMigrations(ownerUrl.toString(), SCHEMA);
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_DB_ROLE;
  const seeding = await new DataSource(dataSourceOptions(appUrl.toString(), SCHEMA)).initialize();
  await seedDemoDistrict(seeding);
  await seeding.destroy();
  const owner = await new DataSource(dataSourceOptions(ownerUrl.toString(), SCHEMA, { extra: { max: 2 } } as never)).initialize();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: appUrl.toString(),
    OWNER_DATABASE_URL: ownerUrl.toString(),
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'fuyi-faults',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  return {
    pg, redis, config, owner,
    async close() {
      await owner.destroy().catch(() => undefined);
      await Promise.all([pg.destroy(), redis.destroy()]);
    },
  };
}
