import { rawExec, type SqlRunner } from '@fuyi/platform';

/**
 * Session settings of a statistics read. The grouped scans carry large cost estimates, so Postgres JIT-compiles them,
 * and at district sizes compiling takes longer (1-2 s measured) than the query: off for this transaction only.
 */
export async function turnOffJit(m: SqlRunner): Promise<void> {
  await rawExec(m, 'SET LOCAL jit = off');
}
