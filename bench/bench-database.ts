import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, ensureAppRole, ensureDatabase, runMigrations } from '@fuyi/platform';
import { SCHEMA } from '../db/schema';

const SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A freshly migrated database of its own for one benchmark (the caller drops it with dropDatabase(url)). */
export async function freshBenchDatabase(pool = 10): Promise<{ url: string; ds: DataSource }> {
  const u = new URL(SERVER);
  u.pathname = `/fuyi_bench_${randomBytes(4).toString('hex')}`;
  const url = u.toString();
  await ensureDatabase(url);
  await ensureAppRole(url);
  await runMigrations(url, SCHEMA);
  const ds = await new DataSource(dataSourceOptions(url, SCHEMA, { extra: { max: pool } } as never)).initialize();
  return { url, ds };
}

/** Runs `work` on a fresh database and drops it afterwards (kept, and its URL printed, with BENCH_KEEP=1). */
export async function withBenchDatabase<T>(pool: number, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const { url, ds } = await freshBenchDatabase(pool);
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
    if (!process.env.BENCH_KEEP) await dropDatabase(url);
    else console.error(`kept ${url}`);
  }
}
