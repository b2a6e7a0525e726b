import type { EntityManager } from 'typeorm';

const CALENDAR_LOCK = `hashtext('fuyi.calendar')`;

/**
 * Clock writes hold the calendar lock shared, a calendar change holds it exclusively: a clock is never
 * computed on a calendar that is being replaced, and a recompute never races a pause, an extension or a close.
 */
export async function lockCalendarShared(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`);
}

export async function lockCalendarExclusive(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`);
}
