import type { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '@fuyi/platform';
import { countLookupAttempt, lookupKeys } from '../../libs/cases/src/queries/public-lookup-throttle';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The public lookup's counter under concurrency (issue 14 item 10; a burst test once saw 3 of the 5 free attempts reach
 * the code check). Attempts queue on the counter's row locks, so one may take the lock after another that began its
 * transaction later. The counter must judge each attempt by the time it decides, not by when its transaction began
 * (Postgres now()): else a free attempt that waited reads the previous attempt's "allowed from" as still in the future
 * and is refused, and a delay shrinks by the time its writer waited for the lock.
 */
describe('public lookup counter: decided at the moment of the decision, not of the transaction start', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
  });
  afterAll(() => db.drop());

  /** A DataSource whose next transaction is one that began `ms` earlier (it waited, e.g. for the row lock). */
  async function startedEarlier(ms: number): Promise<{ ds: DataSource; done: () => Promise<void> }> {
    const qr = db.ds.createQueryRunner();
    await qr.startTransaction();
    await qr.query('SELECT now()');
    await new Promise((r) => setTimeout(r, ms));
    const ds = {
      transaction: async <T>(fn: (m: EntityManager) => Promise<T>) => {
        try {
          const result = await fn(qr.manager);
          await qr.commitTransaction();
          return result;
        } catch (e) {
          await qr.rollbackTransaction();
          throw e;
        }
      },
    } as unknown as DataSource;
    return { ds, done: () => qr.release() };
  }

  it('a free attempt whose transaction began before the previous attempt was counted is not refused', async () => {
    const keys = lookupKeys('通复〔2026〕第99001号', '10.7.0.1');
    const waiting = await startedEarlier(1_500);
    try {
      await countLookupAttempt(new UnitOfWork(db.ds), keys); // attempt 1 of 5 free: counted by a transaction that began later
      await expect(countLookupAttempt(new UnitOfWork(waiting.ds), keys)).resolves.toBeUndefined(); // attempt 2: still free
    } finally {
      await waiting.done();
    }
    const [row] = await db.ds.query('SELECT attempts FROM public_lookup_attempts WHERE key = $1', [keys.number]);
    expect(row.attempts).toBe(2);
  });

  it('a delay runs from the decision: a writer that waited for the lock does not shorten it', async () => {
    const keys = lookupKeys('通复〔2026〕第99002号', '10.7.0.2');
    for (let i = 0; i < 4; i++) await countLookupAttempt(new UnitOfWork(db.ds), keys);
    const fifth = await startedEarlier(1_500); // the 5th attempt (2 s delay after it) waited 1.5 s for the lock
    try {
      await countLookupAttempt(new UnitOfWork(fifth.ds), keys);
    } finally {
      await fifth.done();
    }
    await expect(countLookupAttempt(new UnitOfWork(db.ds), keys)).rejects.toMatchObject({ code: 'CASE_STATUS_RETRY_LATER', details: { retryAfterSeconds: 2 } });
  });
});
