import { qb, rawExec, rawRows, run, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The public status lookup's counters (public_lookup_attempts, keyed by hashed case number or client address),
 * typed through the generated schema (issue 19 item 2). Times come from clock_timestamp(): see public-lookup-throttle.ts.
 */

/** Both keys exist (a new one starts at no attempts). */
export async function ensureKeys(m: SqlRunner, keys: readonly string[]): Promise<void> {
  await rawExec(m, `INSERT INTO public_lookup_attempts (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, [[...keys]]);
}

export type LockedAttempts = RowOf<'public_lookup_attempts', 'key' | 'attempts'> & { fresh: boolean; wait: number };

/** The keys' counters locked in key order, with whether their window is over and how many seconds they must still wait. */
export function lockKeys(m: SqlRunner, keys: readonly string[], windowMinutes: number): Promise<LockedAttempts[]> {
  return rawRows<LockedAttempts>(
    m,
    `SELECT key, attempts, window_start < clock_timestamp() - make_interval(mins => $2) AS fresh,
            greatest(0, ceil(extract(epoch FROM next_allowed_at - clock_timestamp())))::int AS wait
       FROM public_lookup_attempts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
    [[...keys], windowMinutes],
  );
}

/** One more attempt counted; a fresh window starts now; the next attempt waits `delaySeconds`. */
export async function countAttempt(m: SqlRunner, key: string, attempts: number, freshWindow: boolean, delaySeconds: number): Promise<void> {
  await rawExec(
    m,
    `UPDATE public_lookup_attempts SET attempts = $2, window_start = CASE WHEN $3 THEN clock_timestamp() ELSE window_start END,
            next_allowed_at = clock_timestamp() + make_interval(secs => $4) WHERE key = $1`,
    [key, attempts, freshWindow, delaySeconds],
  );
}

/** Rows of windows finished more than a day ago. */
export async function dropStale(m: SqlRunner): Promise<void> {
  await rawExec(m, `DELETE FROM public_lookup_attempts WHERE window_start < now() - interval '1 day'`);
}

export async function forgetKey(m: SqlRunner, key: string): Promise<void> {
  await run(m, qb.deleteFrom('public_lookup_attempts').where('key', '=', key));
}

/** One attempt given back (never below 0). */
export async function giveBackAttempt(m: SqlRunner, key: string): Promise<void> {
  await rawExec(m, `UPDATE public_lookup_attempts SET attempts = greatest(attempts - 1, 0) WHERE key = $1`, [key]);
}
