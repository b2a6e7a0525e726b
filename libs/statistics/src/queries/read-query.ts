import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from '@fuyi/platform';
import { turnOffJit } from '../stores/statistics-session.store';

/**
 * A statistics read run without JIT compilation (stores/statistics-session.store.ts): read-only, in its own unit of
 * work (READ COMMITTED, the unit of work's policy), so `SET LOCAL` ends with it.
 */
export function statsRead<T>(uow: UnitOfWork, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return uow.run(async (m) => {
    await turnOffJit(m);
    return work(m);
  });
}
