import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way application services open a transaction (issue 19 item 3): controllers never do.
 *
 * Policy, as the code has always had it: READ COMMITTED, no automatic retry. A serialization failure,
 * deadlock or lost insert race (40001, 40P01, 23505) rolls the whole unit back and reaches the client
 * as 409, so the clerk reloads and decides again rather than the server replaying a stale intent.
 * Conflicting writers are ordered by row locks and version checks inside the services.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly ds: DataSource) {}

  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** Several reads that must agree with each other (one snapshot, REPEATABLE READ). */
  snapshot<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction('REPEATABLE READ', work);
  }

  /** A read on its own (autocommit): for services whose query methods take a manager. */
  read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(this.ds.manager);
  }
}
