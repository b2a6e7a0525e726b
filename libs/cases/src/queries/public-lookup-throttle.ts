import { createHash } from 'node:crypto';
import { DomainError } from '@fuyi/kernel';
import type { SqlRunner, UnitOfWork } from '@fuyi/platform';
import * as Attempts from '../stores/public-lookups.store';

/**
 * Progressive delays for the public status lookup (issue 14 item 10), instead of a hard lock that let anyone block an
 * applicant's own lookup for an hour and told, by a 429 instead of a 404, which case numbers exist.
 *
 * Two counters, both keyed by what was typed (never by whether it exists): the case number and the client address
 * (both hashed: an address is personal data). Every attempt is counted before the code is checked, in one transaction
 * with row locks, so a parallel burst cannot slip past. The first `free` attempts of an hour are immediate; after
 * that the next attempt waits 2, 4, 8… seconds, up to `capSeconds`. While a key waits every lookup on it answers
 * 429 CASE_STATUS_RETRY_LATER with Retry-After, the same for a number that exists and one that does not. A right code
 * clears the number's counter (not the client's: a caller cannot launder guesses with a lookup of their own case).
 *
 * With codes of 6 characters from 32 symbols (about 10^9), a number sees at most ~60 guesses an hour once past the
 * free ones, while its applicant waits at most a minute; one client address is slowed to one guess per 15 minutes.
 */
export const PUBLIC_LOOKUP_DELAYS = {
  number: { free: 5, capSeconds: 60 },
  client: { free: 20, capSeconds: 900 },
  windowMinutes: 60,
} as const;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const retryLater = (seconds: number) =>
  new DomainError('CASE_STATUS_RETRY_LATER', `查询过于频繁，请${seconds}秒后再试；如遗失查询码请联系受理窗口`, 'too_many_attempts', {
    retryAfterSeconds: seconds,
  });

/** Seconds the next attempt must wait after `attempts` counted ones. */
export function delayAfter(attempts: number, limits: { free: number; capSeconds: number }): number {
  if (attempts < limits.free) return 0;
  return Math.min(2 ** (attempts - limits.free + 1), limits.capSeconds);
}

export interface LookupKeys {
  number: string;
  client: string;
}

export const lookupKeys = (caseNumber: string, clientIp: string): LookupKeys => ({
  number: `n:${sha(caseNumber)}`,
  client: `c:${sha(clientIp)}`,
});

/**
 * Counts the attempt on both keys, or throws 429 (counting nothing) while either must still wait. Times are read with
 * clock_timestamp(), the moment of the decision: attempts queue on the row locks, and Postgres' now() is when each
 * transaction began, so one that waited would see the previous attempt's "allowed from" in its future (a free attempt
 * refused: seen once in a burst) and a writer that waited would date its delay back (a delay cut short).
 */
export async function countLookupAttempt(uow: Pick<UnitOfWork, 'run'>, keys: LookupKeys): Promise<void> {
  const wait = await uow.run(async (m) => {
    const all = [keys.client, keys.number].sort(); // one lock order for every caller: no deadlock
    await Attempts.ensureKeys(m, all);
    const rows = await Attempts.lockKeys(m, all, PUBLIC_LOOKUP_DELAYS.windowMinutes);
    const waiting = Math.max(0, ...rows.filter((r) => !r.fresh).map((r) => r.wait));
    if (waiting > 0) return waiting;
    for (const r of rows) {
      const attempts = (r.fresh ? 0 : r.attempts) + 1;
      const delay = delayAfter(attempts, r.key === keys.number ? PUBLIC_LOOKUP_DELAYS.number : PUBLIC_LOOKUP_DELAYS.client);
      await Attempts.countAttempt(m, r.key, attempts, r.fresh, delay);
    }
    // Rows of finished windows are dropped now and then, so unknown numbers and addresses do not pile up.
    if (Math.random() < 0.01) await Attempts.dropStale(m);
    return 0;
  });
  if (wait > 0) throw retryLater(wait);
}

/** A right code: the number's counter starts over; the client's attempt is given back. */
export async function lookupSucceeded(m: SqlRunner, keys: LookupKeys): Promise<void> {
  await Attempts.forgetKey(m, keys.number);
  await Attempts.giveBackAttempt(m, keys.client);
}

/** A reissued code: guesses at the old one no longer slow the new one. */
export async function forgetNumber(m: SqlRunner, caseNumber: string): Promise<void> {
  await Attempts.forgetKey(m, `n:${sha(caseNumber)}`);
}
