import { addDays, weekday, type IsoDate } from '@fuyi/kernel';
import { CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';

/**
 * Cases that are over for the office: nothing left to do but keep the file. Every other state is open and shows in
 * the work views. The partial indexes of db/migrations/1795733100000-WorkViewIndexes.ts carry this list as a literal:
 * adding a state here keeps them usable (the planner proves the longer NOT IN implies theirs); removing one does not.
 */
export const CLOSED_CASE_STATES: readonly CaseState[] = [
  CaseState.Refused, CaseState.Abandoned, CaseState.Terminated, CaseState.Mediated, CaseState.Archived,
];

export const OPEN_CASE_STATES: readonly CaseState[] = Object.values(CaseState).filter((s) => !CLOSED_CASE_STATES.includes(s));

/** `c.state NOT IN (…)` as literals, not a parameter, so the planner can match the partial indexes. */
export const OPEN_CASE_SQL = `c.state NOT IN (${CLOSED_CASE_STATES.map((s) => `'${s}'`).join(', ')})`;

/** Clocks that still count: the ones the views show, sort by and flag. */
export const OPEN_CLOCK_SQL = (alias: string) => `${alias}.status IN ('running', 'paused')`;

export const WORK_FLAGS = ['overdue', 'paused', 'extended', 'dueThisWeek'] as const;
export type WorkFlag = (typeof WORK_FLAGS)[number];

/** The last day (Sunday, Beijing) of the week `today` is in: what "due this week" counts up to, today included. */
export function weekEndOf(today: IsoDate): IsoDate {
  return addDays(today, (7 - weekday(today)) % 7);
}

/** Requests awaiting the office head's approval besides the decision (case_approval_requests, ARL 62 / ARL 41). */
export const PENDING_REQUEST_KINDS = ['extension', 'termination'] as const;
export type PendingRequestKind = (typeof PENDING_REQUEST_KINDS)[number];

export interface OfficeFilters {
  state?: CaseState;
  townshipId?: number;
  respondentDepartmentId?: number;
  category?: string;
  handlerId?: string;
  procedure?: 'ordinary' | 'simplified';
  flag?: WorkFlag;
  pendingRequest?: PendingRequestKind;
}

/**
 * Appends the filters' conditions on `c` (cases) and their parameters; `today` decides what is overdue; `caseId` is
 * the column the clock flags correlate with.
 * The flags stay subqueries evaluated per case (OFFSET 0 keeps the planner from turning them into joins): it cannot
 * know that only open cases have open clocks, and would start from every paused clock of the register instead of
 * walking the open clocks in due order and stopping at the page.
 */
export function filterConditions(f: OfficeFilters, today: IsoDate, params: unknown[], caseId = 'c.id', fenced = true): string[] {
  const where = [OPEN_CASE_SQL];
  const bind = (v: unknown) => `$${params.push(v)}`;
  // `fenced = false` for a count: there the planner should turn the flags into semi-joins from the open clocks'
  // partial indexes, as there is no page to stop at. The condition is the same.
  const clock = (condition: string) => `EXISTS (SELECT 1 FROM case_clocks f WHERE f.case_id = ${caseId} AND ${condition}${fenced ? ' OFFSET 0' : ''})`;
  if (f.state !== undefined) where.push(`c.state = ${bind(f.state)}`);
  if (f.townshipId !== undefined) where.push(`c.township_id = ${bind(f.townshipId)}`);
  if (f.respondentDepartmentId !== undefined) where.push(`c.respondent_department_id = ${bind(f.respondentDepartmentId)}`);
  if (f.category !== undefined) where.push(`c.category = ${bind(f.category)}`);
  if (f.handlerId !== undefined) where.push(`c.handler_id = ${bind(f.handlerId)}::uuid`);
  if (f.procedure !== undefined) where.push(`c.procedure = ${bind(f.procedure)}`);
  if (f.flag === 'overdue') where.push(clock(`f.status = 'running' AND f.due_date < ${bind(today)}::date`));
  if (f.flag === 'paused') where.push(clock(`f.status = 'paused'`));
  // A running clock due from today to Sunday of this week: still within time, to be met this week.
  if (f.flag === 'dueThisWeek') where.push(clock(`f.status = 'running' AND f.due_date BETWEEN ${bind(today)}::date AND ${bind(weekEndOf(today))}::date`));
  if (f.pendingRequest !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM case_approval_requests r WHERE r.case_id = ${caseId} AND r.kind = ${bind(f.pendingRequest)} AND r.status = 'pending')`);
  }
  if (f.flag === 'extended') where.push(clock(`${OPEN_CLOCK_SQL('f')} AND f.extension_days > 0`));
  return where;
}

/**
 * Index terms for names shorter than a trigram: every character and every pair of neighbours
 * ('王小明' → 王, 小, 明, 王小, 小明, 明). Built-in functions only, so the query works with or without the index;
 * the migration indexes exactly this expression (the planner matches expression trees, keep them identical).
 */
export const NAME_GRAMS_SQL = (col: string) =>
  `(string_to_array(${col}, NULL) || string_to_array(regexp_replace(substr(regexp_replace(${col}, '(.)', '\\1\\1', 'g'), 2), '(..)', '\\1' || chr(31), 'g'), chr(31)))`;

/** `%term%` with LIKE's own wildcards taken literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Opaque keyset cursors: base64url JSON of the sort key of the last row. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, valid: (key: unknown[]) => key is T): T | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && valid(key)) return key;
  } catch {
    /* fall through */
  }
  throw CaseErrors.invalid('cursor', '分页游标无效');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
