import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The working-day calendar tables (calendar_days, calendar_years, calendar_versions) and the calendar advisory lock,
 * typed through the generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

const CALENDAR_LOCK = `hashtext('fuyi.calendar')`;

/** The transaction-scoped calendar lock, shared (clock writes) or exclusive (a calendar change); see calendar-lock.ts. */
export async function takeCalendarLock(m: SqlRunner, mode: 'shared' | 'exclusive'): Promise<void> {
  await rawExec(
    m,
    mode === 'shared' ? `SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK})` : `SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`,
  );
}

/** A read-only transaction from here on: the database refuses any write (calendar previews). */
export async function makeTransactionReadOnly(m: SqlRunner): Promise<void> {
  await rawExec(m, 'SET TRANSACTION READ ONLY');
}

/** The newest calendar version (0 before the first). */
export async function latestCalendarVersion(m: SqlRunner): Promise<number> {
  const [{ v }] = await rawRows<{ v: Row<'calendar_versions'>['version'] }>(
    m,
    'SELECT coalesce(max(version), 0)::int AS v FROM calendar_versions',
  );
  return v;
}

export type CalendarDayRow = RowOf<'calendar_days', 'date' | 'kind' | 'name'>;

/** The stored days among `dates`. */
export function calendarDaysOn(m: SqlRunner, dates: readonly string[]): Promise<CalendarDayRow[]> {
  return rawRows<CalendarDayRow>(m, 'SELECT date, kind, name FROM calendar_days WHERE date = ANY($1::date[])', [[...dates]]);
}

/** Every stored day, in date order. */
export function allCalendarDays(m: SqlRunner): Promise<CalendarDayRow[]> {
  return rawRows<CalendarDayRow>(m, 'SELECT date, kind, name FROM calendar_days ORDER BY date');
}

/** The years whose official arrangement is loaded, ascending. */
export async function loadedCalendarYears(m: SqlRunner): Promise<number[]> {
  return (await rawRows<RowOf<'calendar_years', 'year'>>(m, 'SELECT year FROM calendar_years ORDER BY year')).map((y) => y.year);
}

export type StoredCalendarDay = RowOf<'calendar_days', 'date' | 'kind' | 'name' | 'version'>;

/** The stored days of a year, in date order. */
export function calendarDaysOfYear(m: SqlRunner, year: number): Promise<StoredCalendarDay[]> {
  return rawRows<StoredCalendarDay>(m, `SELECT date, kind, name, version FROM calendar_days WHERE date >= $1 AND date < $2 ORDER BY date`, [
    `${year}-01-01`,
    `${year + 1}-01-01`,
  ]);
}

/** How a year was loaded, or undefined when it was not. */
export async function calendarYearLoad(m: SqlRunner, year: number): Promise<RowOf<'calendar_years', 'source' | 'version'> | undefined> {
  const [row] = await rawRows<RowOf<'calendar_years', 'source' | 'version'>>(
    m,
    'SELECT source, version FROM calendar_years WHERE year = $1',
    [year],
  );
  return row;
}

export type CalendarVersionRow = RowOf<
  'calendar_versions',
  'version' | 'changed_by' | 'reason' | 'changes' | 'clocks_recomputed' | 'created_at'
>;

/** Versions newest first; `before` is the last version of the previous page (keyset on the version number). */
export function calendarVersionsPage(m: SqlRunner, limit: number, before: number | null): Promise<CalendarVersionRow[]> {
  return rawRows<CalendarVersionRow>(
    m,
    `SELECT version, changed_by, reason, changes, clocks_recomputed, created_at FROM calendar_versions
        WHERE ($2::int IS NULL OR version < $2) ORDER BY version DESC LIMIT $1`,
    [limit, before],
  );
}

/** Writes one day of a new calendar version (insert, or replace the stored day). */
export async function putCalendarDay(m: SqlRunner, day: { date: string; kind: string; name: string }, version: number): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO calendar_days (date, kind, name, version) VALUES ($1,$2,$3,$4)
             ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, version = EXCLUDED.version`,
    [day.date, day.kind, day.name, version],
  );
}

export async function deleteCalendarDay(m: SqlRunner, date: string): Promise<void> {
  await rawExec(m, 'DELETE FROM calendar_days WHERE date = $1', [date]);
}

/** Records a year's arrangement as loaded (from `source`) by a calendar version. */
export async function putLoadedYear(m: SqlRunner, year: number, source: string, version: number): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO calendar_years (year, source, version) VALUES ($1,$2,$3) ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, version = EXCLUDED.version`,
    [year, source, version],
  );
}

/** A new calendar version, owing a recompute of the open clocks spanning from..to (recomputed_at stays null). */
export async function insertCalendarVersion(
  m: SqlRunner,
  v: { version: number; changedBy: string | null; reason: string; changes: unknown; from: string; to: string },
): Promise<void> {
  await rawExec(
    m,
    'INSERT INTO calendar_versions (version, changed_by, reason, changes, recompute_from, recompute_to) VALUES ($1,$2,$3,$4,$5,$6)',
    [v.version, v.changedBy, v.reason, JSON.stringify(v.changes), v.from, v.to],
  );
}

/** How many clocks a version's recompute has moved so far. */
export async function clocksRecomputedBy(m: SqlRunner, version: number): Promise<number> {
  const [{ clocks_recomputed }] = await rawRows<RowOf<'calendar_versions', 'clocks_recomputed'>>(
    m,
    'SELECT clocks_recomputed FROM calendar_versions WHERE version = $1',
    [version],
  );
  return clocks_recomputed;
}

export type OwedRecompute = {
  version: Row<'calendar_versions'>['version'];
  from: Row<'calendar_versions'>['recompute_from'];
  to: Row<'calendar_versions'>['recompute_to'];
};

/** The versions whose recompute of the open clocks is not finished, oldest first. */
export function owedRecomputes(m: SqlRunner): Promise<OwedRecompute[]> {
  return rawRows<OwedRecompute>(
    m,
    `SELECT version, recompute_from AS from, recompute_to AS to FROM calendar_versions WHERE recomputed_at IS NULL ORDER BY version`,
  );
}

export async function addClocksRecomputed(m: SqlRunner, version: number, moved: number): Promise<void> {
  await rawExec(m, 'UPDATE calendar_versions SET clocks_recomputed = clocks_recomputed + $2 WHERE version = $1', [version, moved]);
}

/** The recompute the versions owed is done (the database's now()); versions finished meanwhile keep their time. */
export async function markRecomputed(m: SqlRunner, versions: readonly number[]): Promise<void> {
  await rawExec(m, 'UPDATE calendar_versions SET recomputed_at = now() WHERE version = ANY($1::int[]) AND recomputed_at IS NULL', [
    [...versions],
  ]);
}

export async function countCalendarVersions(m: SqlRunner): Promise<number> {
  const [{ n }] = await rawRows<{ n: number }>(m, 'SELECT count(*)::int AS n FROM calendar_versions');
  return n;
}

/**
 * First install: version 1 with its days and loaded years. Called by an early migration: only the columns that
 * migration knew (a later one marks version 1 as recomputed).
 */
export async function seedFirstCalendar(
  m: SqlRunner,
  reason: string,
  days: ReadonlyArray<{ date: string; kind: string; name: string }>,
  loadedYears: readonly number[],
): Promise<void> {
  await rawExec(m, `INSERT INTO calendar_versions (version, changed_by, reason, changes) VALUES (1, NULL, $1, '[]')`, [reason]);
  await rawExec(
    m,
    `INSERT INTO calendar_days (date, kind, name, version) SELECT d, k, n, 1 FROM unnest($1::date[], $2::text[], $3::text[]) AS t(d, k, n)`,
    [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
  );
  await rawExec(m, `INSERT INTO calendar_years (year, source, version) SELECT y, 'chinese-days', 1 FROM unnest($1::int[]) AS t(y)`, [
    [...loadedYears],
  ]);
}
