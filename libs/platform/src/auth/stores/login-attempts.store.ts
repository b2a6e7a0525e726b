import { rawExec, rawRows, type RowOf, type SqlRunner } from '../../database/typed-sql';

/** login_attempts (failed sign-ins per SHA-256 of the name typed, and the lock), typed (issue 19 item 2). */

export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

/**
 * Counts this attempt for the name in one statement (row lock on conflict): a window older than `windowMinutes` or a
 * lock that has run out starts over at 1; the attempt that reaches `maxFailures` sets the lock.
 */
export async function countAttempt(
  m: SqlRunner,
  key: string,
  p: LockoutPolicy,
): Promise<RowOf<'login_attempts', 'attempts' | 'locked_until'>> {
  const [row] = await rawRows<RowOf<'login_attempts', 'attempts' | 'locked_until'>>(
    m,
    `INSERT INTO login_attempts AS a (username_key, attempts, window_start, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + make_interval(mins => $4) END)
       ON CONFLICT (username_key) DO UPDATE SET
         attempts = CASE WHEN a.locked_until > now() THEN a.attempts + 1
                         WHEN a.locked_until IS NOT NULL OR a.window_start < now() - make_interval(mins => $3) THEN 1
                         ELSE a.attempts + 1 END,
         window_start = CASE WHEN a.locked_until > now() THEN a.window_start
                             WHEN a.locked_until IS NOT NULL OR a.window_start < now() - make_interval(mins => $3) THEN now()
                             ELSE a.window_start END,
         locked_until = CASE WHEN a.locked_until > now() THEN a.locked_until
                             WHEN a.locked_until IS NOT NULL OR a.window_start < now() - make_interval(mins => $3) THEN NULL
                             WHEN a.attempts + 1 >= $2 THEN now() + make_interval(mins => $4)
                             ELSE NULL END
       RETURNING a.attempts, a.locked_until`,
    [key, p.maxFailures, p.windowMinutes, p.lockMinutes],
  );
  return row!;
}

/** A successful sign-in forgets the failures. */
export async function clearAttempts(m: SqlRunner, key: string): Promise<void> {
  await rawExec(m, 'DELETE FROM login_attempts WHERE username_key = $1', [key]);
}
