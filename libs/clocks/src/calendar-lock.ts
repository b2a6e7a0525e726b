import type { EntityManager } from 'typeorm';
import { takeCalendarLock } from './stores/calendar.store';

/** Transactions (their EntityManager) that hold the calendar lock shared / exclusively; released at their end. */
const holders = new WeakSet<object>();
const changers = new WeakSet<object>();

/**
 * Clock writes hold the calendar lock shared, a calendar change holds it exclusively: a clock is never
 * computed on a calendar that is being replaced, and a recompute never races a pause, an extension or a close.
 * Transaction-scoped advisory locks are re-entrant, so a second request in the same transaction is skipped.
 */
export async function lockCalendarShared(m: EntityManager): Promise<void> {
  if (holders.has(m) || changers.has(m)) return;
  await takeCalendarLock(m, 'shared');
  holders.add(m);
}

export async function lockCalendarExclusive(m: EntityManager): Promise<void> {
  await takeCalendarLock(m, 'exclusive');
  changers.add(m);
}

/**
 * While a transaction holds the lock shared no calendar change can commit, so the calendar it read stays current.
 * Not for the changing transaction itself: its calendar changes under it.
 */
export function holdsCalendarLock(db: object): boolean {
  return holders.has(db);
}
