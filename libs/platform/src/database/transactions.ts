import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@fuyi/kernel';

/** Postgres errors that mean "someone else changed it first": surfaced as 409, never as 500. */
export function isSerializationConflict(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? (e as { driverError?: { code?: string } })?.driverError?.code;
  return code === '40001' || code === '40P01';
}

export async function inTransaction<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ds.transaction(work);
  } catch (e) {
    if (isSerializationConflict(e)) {
      throw new DomainError('CONCURRENT_UPDATE', '该记录正被他人同时修改，请刷新后重试', 'conflict');
    }
    throw e;
  }
}
