import type { DataSource } from 'typeorm';

/**
 * A statistics query run without JIT compilation: the grouped scans carry large cost estimates, so Postgres compiles
 * them, and at district sizes compiling takes longer (1-2 s measured) than the query. Read-only, in its own transaction.
 */
export function statsQuery<T = any>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T[]> {
  return ds.transaction('READ COMMITTED', async (m) => {
    await m.query('SET LOCAL jit = off');
    return m.query(sql, params);
  });
}
