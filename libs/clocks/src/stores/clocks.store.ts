import { conditionalUpdate, rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import { DomainError } from '@fuyi/kernel';

/**
 * The case clocks (case_clocks), typed through the generated schema (issue 19 item 2). Every function runs in the
 * caller's transaction (`m`); the locking ones (FOR UPDATE) need one. Open = status running or paused.
 */

export type Suspension = { from: string; to?: string };

/** A stored clock (`SELECT *`), its jsonb columns as the clocks library writes them. */
export type ClockRow = Omit<Row<'case_clocks'>, 'suspensions' | 'explanation'> & { suspensions: Suspension[]; explanation: string[] };

/** The facts an open clock is recomputed from, with what it now says. */
export type OpenClockRow = RowOf<
  'case_clocks',
  'id' | 'case_id' | 'rule' | 'start_date' | 'due_date' | 'provisional' | 'extension_days'
> & {
  suspensions: Suspension[];
};

/** The open clocks a calendar change over $1..$2 must recompute: their span touches the changed days, or they are paused. */
const OPEN_CLOCKS_TOUCHING = `LEAST(start_date, due_date) <= $2 AND (GREATEST(start_date, due_date) >= $1 OR status = 'paused')`;

/** Open clocks touching from..to after the id `after`, in id order, with their case number; nothing locked (a preview). */
export function openClocksTouchingWithCaseNumber(
  m: SqlRunner,
  range: { from: string; to: string },
  after: string,
  limit: number,
): Promise<Array<OpenClockRow & { case_number: Row<'cases'>['case_number'] }>> {
  return rawRows<OpenClockRow & { case_number: Row<'cases'>['case_number'] }>(
    m,
    `SELECT id, case_id, (SELECT case_number FROM cases WHERE cases.id = case_clocks.case_id) AS case_number, rule, start_date, due_date,
              provisional, suspensions, extension_days
         FROM case_clocks WHERE status IN ('running', 'paused') AND id > $3 AND ${OPEN_CLOCKS_TOUCHING}
        ORDER BY id LIMIT ${Number(limit)}`,
    [range.from, range.to, after],
  );
}

/** Locks the next batch of open clocks touching from..to after the id `after` (FOR UPDATE, id order). */
export function lockOpenClocksTouching(
  m: SqlRunner,
  range: { from: string; to: string },
  after: string,
  limit: number,
): Promise<OpenClockRow[]> {
  return rawRows<OpenClockRow>(
    m,
    `SELECT id, case_id, rule, start_date, due_date, provisional, suspensions, extension_days FROM case_clocks
          WHERE status IN ('running', 'paused') AND id > $3 AND ${OPEN_CLOCKS_TOUCHING}
          ORDER BY id LIMIT ${Number(limit)} FOR UPDATE`,
    [range.from, range.to, after],
  );
}

/** Locks the next batch of open clocks with a recorded suspension after the id `after` (FOR UPDATE, id order). */
export function lockOpenSuspendedClocks(m: SqlRunner, after: string, limit: number): Promise<OpenClockRow[]> {
  return rawRows<OpenClockRow>(
    m,
    `SELECT id, case_id, rule, start_date, due_date, provisional, suspensions, extension_days FROM case_clocks
          WHERE status IN ('running', 'paused') AND id > $1 AND jsonb_array_length(suspensions) > 0
          ORDER BY id LIMIT ${Number(limit)} FOR UPDATE`,
    [after],
  );
}

/**
 * Locks the next batch of open clocks touching from..to that were computed on a calendar older than
 * `calendarVersion` (a calendar change's catch-up), FOR UPDATE, id order.
 */
export function lockOpenClocksOwingRecompute(
  m: SqlRunner,
  range: { from: string; to: string },
  after: string,
  calendarVersion: number,
  limit: number,
): Promise<OpenClockRow[]> {
  return rawRows<OpenClockRow>(
    m,
    `SELECT id, case_id, rule, start_date, due_date, provisional, suspensions, extension_days FROM case_clocks
            WHERE status IN ('running', 'paused') AND id > $3 AND calendar_version < $4 AND ${OPEN_CLOCKS_TOUCHING}
            ORDER BY id LIMIT ${Number(limit)} FOR UPDATE`,
    [range.from, range.to, after, calendarVersion],
  );
}

/** Writes recomputed due dates of (locked) clocks in one statement, on calendar version `calendarVersion`. */
export async function writeRecomputedClocks(
  m: SqlRunner,
  moved: ReadonlyArray<{ id: string; due: string; provisional: boolean; explanation: unknown }>,
  calendarVersion: number,
): Promise<void> {
  await rawExec(
    m,
    `UPDATE case_clocks k SET due_date = u.due, provisional = u.prov, explanation = u.expl, calendar_version = $5, version = k.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::date[], $3::boolean[], $4::jsonb[]) AS u(id, due, prov, expl) WHERE k.id = u.id`,
    [
      moved.map((x) => x.id),
      moved.map((x) => x.due),
      moved.map((x) => x.provisional),
      moved.map((x) => JSON.stringify(x.explanation)),
      calendarVersion,
    ],
  );
}

export interface NewClock {
  rule: string;
  start: string;
  due: string;
  provisional: boolean;
  explanation: unknown;
  closedOn: string | null;
  suspensions: unknown;
}

/**
 * Inserts a case's clocks in one statement; one given `closedOn` is recorded ended on that day (missed when after its
 * due date, met otherwise). Returns the new rows.
 */
export function insertClocks(m: SqlRunner, caseId: string, calendarVersion: number, clocks: readonly NewClock[]): Promise<ClockRow[]> {
  return rawRows<ClockRow>(
    m,
    `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, provisional, explanation, calendar_version, closed_on, suspensions)
       SELECT $1, rule, start_date, due_date, CASE WHEN closed_on IS NULL THEN 'running' WHEN closed_on > due_date THEN 'missed' ELSE 'met' END,
              provisional, explanation, $6, closed_on, suspensions
         FROM unnest($2::text[], $3::date[], $4::date[], $5::boolean[], $7::jsonb[], $8::date[], $9::jsonb[]) AS t(rule, start_date, due_date, provisional, explanation, closed_on, suspensions)
       RETURNING *`,
    [
      caseId,
      clocks.map((c) => c.rule),
      clocks.map((c) => c.start),
      clocks.map((c) => c.due),
      clocks.map((c) => c.provisional),
      calendarVersion,
      clocks.map((c) => JSON.stringify(c.explanation)),
      clocks.map((c) => c.closedOn),
      clocks.map((c) => JSON.stringify(c.suspensions)),
    ],
  );
}

/**
 * Ends the open clock(s) of a case's rule on `on`: cancelled, or met (missed when `on` is after the due date); an open
 * suspension ends on that day. Returns the ids of the clocks ended.
 */
export async function closeOpenClocks(
  m: SqlRunner,
  caseId: string,
  rule: string,
  on: string,
  outcome: 'met' | 'cancelled',
): Promise<string[]> {
  const rows = await rawRows<RowOf<'case_clocks', 'id'>>(
    m,
    `UPDATE case_clocks SET status = CASE WHEN $4 = 'cancelled' THEN 'cancelled' WHEN $3::date > due_date THEN 'missed' ELSE 'met' END,
              suspensions = (SELECT coalesce(jsonb_agg(CASE WHEN s ? 'to' THEN s ELSE s || jsonb_build_object('to', $3::text) END ORDER BY i), '[]'::jsonb)
                               FROM jsonb_array_elements(suspensions) WITH ORDINALITY AS x(s, i)),
              closed_on = $3, version = version + 1, updated_at = now()
        WHERE case_id = $1 AND rule = $2 AND status IN ('running', 'paused') RETURNING id`,
    [caseId, rule, on, outcome],
  );
  return rows.map((r) => r.id);
}

/** The open clock of a case's rule, or undefined; `lock` takes its row lock (FOR UPDATE). */
export async function openClockOf(m: SqlRunner, caseId: string, rule: string, lock = false): Promise<ClockRow | undefined> {
  const [row] = await rawRows<ClockRow>(
    m,
    `SELECT * FROM case_clocks WHERE case_id = $1 AND rule = $2 AND status IN ('running','paused')${lock ? ' FOR UPDATE' : ''}`,
    [caseId, rule],
  );
  return row;
}

/**
 * Rewrites a clock the caller has locked (openClockOf with lock) at the version it read: status, suspensions,
 * extension and the recomputed due date, on calendar version `calendarVersion`. Returns the new row.
 */
export function rewriteLockedClock(
  m: SqlRunner,
  clock: Pick<ClockRow, 'id' | 'version'>,
  next: {
    status: string;
    suspensions: Suspension[];
    extension_days: number;
    due_date: string;
    provisional: boolean;
    explanation: string[];
    calendar_version: number;
  },
): Promise<ClockRow> {
  // The row is locked since it was read at this version, so the version check cannot fail; if it ever did, nothing is written.
  const gone = () => new DomainError('CLOCK_NOT_RUNNING', '该期限未在计算中', 'conflict');
  return conditionalUpdate<ClockRow>(
    m,
    { table: 'case_clocks', id: clock.id, expectedVersion: clock.version, set: { ...next }, returning: '*' },
    { notFound: gone, versionConflict: gone, wrongState: gone },
  );
}

/** A case's clocks, by start day and rule. */
export function clocksOfCase(m: SqlRunner, caseId: string): Promise<ClockRow[]> {
  return rawRows<ClockRow>(m, 'SELECT * FROM case_clocks WHERE case_id = $1 ORDER BY start_date, rule', [caseId]);
}

export type PlannableClock = RowOf<'case_clocks', 'id' | 'case_id' | 'rule' | 'due_date' | 'version'>;

/** The running clocks among `ids` (what milestones are planned for). */
export function runningClocksAmong(m: SqlRunner, ids: readonly string[]): Promise<PlannableClock[]> {
  return rawRows<PlannableClock>(
    m,
    `SELECT id, case_id, rule, due_date, version FROM case_clocks WHERE id = ANY($1::uuid[]) AND status = 'running'`,
    [[...ids]],
  );
}

/** Locks the next batch of running clocks of `rule` ('*' = every rule) after the id `after`; their ids. */
export async function lockRunningClockIds(m: SqlRunner, rule: string, after: string, limit: number): Promise<string[]> {
  const rows = await rawRows<RowOf<'case_clocks', 'id'>>(
    m,
    `SELECT id FROM case_clocks WHERE status = 'running' AND ($1 = '*' OR rule = $1) AND id > $2 ORDER BY id LIMIT ${Number(limit)} FOR UPDATE`,
    [rule, after],
  );
  return rows.map((r) => r.id);
}

/** Case numbers by case id (for examples shown to people). */
export async function caseNumbersOf(m: SqlRunner, caseIds: readonly string[]): Promise<Map<string, string>> {
  if (!caseIds.length) return new Map();
  const rows = await rawRows<RowOf<'cases', 'id' | 'case_number'>>(m, 'SELECT id, case_number FROM cases WHERE id = ANY($1::uuid[])', [
    [...caseIds],
  ]);
  return new Map(rows.map((r) => [r.id, r.case_number]));
}
