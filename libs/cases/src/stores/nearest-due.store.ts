import type { IsoDate } from '@fuyi/kernel';
import { rawRows, type Row, type SqlRunner } from '@fuyi/platform';
import { filterConditions, OPEN_CLOCK_SQL, weekEndOf, type OfficeFilters } from '../queries/work-view-filters';

type Db = SqlRunner;

/** Sort key of the work lists: the case's nearest open due date (null: no open clock), then its id. */
export type DueKey = [IsoDate | null, string];

/**
 * Open cases by their nearest due date: walks the open clocks in (due_date, case_id) order and keeps each case's
 * earliest one (ties by clock id). With broad filters the walk stops at the page; with narrow ones the planner starts
 * from the GIN index of the open cases' filters and orders those few cases instead.
 */
export async function byNearestDue(db: Db, filters: OfficeFilters, today: IsoDate, n: number, after: DueKey | null): Promise<DueKey[]> {
  const params: unknown[] = [n];
  // The flags test k.case_id (= c.id): they run on the walked clock, before the case is looked up.
  const where = filterConditions(filters, today, params, 'k.case_id');
  // A running clock past due is the case's earliest open clock or later than it: the walk can stop at today.
  if (filters.flag === 'overdue') where.push(`k.due_date < $${params.push(today)}::date`);
  // Likewise a clock due this week is the case's earliest open clock or later: the walk can stop at Sunday.
  if (filters.flag === 'dueThisWeek') where.push(`k.due_date <= $${params.push(weekEndOf(today))}::date`);
  if (after) where.push(`(k.due_date, k.case_id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
  const rows = await rawRows<{ id: Row<'case_clocks'>['case_id']; due: Row<'case_clocks'>['due_date'] }>(
    db,
    `SELECT k.case_id AS id, k.due_date AS due
       FROM case_clocks k JOIN cases c ON c.id = k.case_id
      WHERE ${OPEN_CLOCK_SQL('k')}
        AND NOT EXISTS (SELECT 1 FROM case_clocks e WHERE e.case_id = k.case_id AND ${OPEN_CLOCK_SQL('e')}
                           AND (e.due_date < k.due_date OR (e.due_date = k.due_date AND e.id < k.id)))
        AND ${where.join(' AND ')}
      ORDER BY k.due_date, k.case_id LIMIT $1`,
    params,
  );
  return rows.map((r) => [r.due, r.id]);
}

/** Open cases without any open clock (e.g. decided, not yet served), by id: they come after all the others. */
export async function withoutOpenClock(db: Db, filters: OfficeFilters, today: IsoDate, n: number, afterId: string | null): Promise<DueKey[]> {
  const params: unknown[] = [n];
  const where = filterConditions(filters, today, params);
  if (afterId) where.push(`c.id > $${params.push(afterId)}::uuid`);
  const rows = await rawRows<{ id: Row<'cases'>['id'] }>(
    db,
    `SELECT c.id FROM cases c
      WHERE ${where.join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM case_clocks e WHERE e.case_id = c.id AND ${OPEN_CLOCK_SQL('e')})
      ORDER BY c.id LIMIT $1`,
    params,
  );
  return rows.map((r) => [null, r.id]);
}
