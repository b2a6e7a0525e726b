import { addDays, type Actor, type IsoDate } from '@fuyi/kernel';

/** What 我的调解 can be narrowed to (?due=): files whose mediation time limit ends within 3 days or has passed. */
export const WORK_LIST_DUE_FILTERS = ['soon'] as const;
export type WorkListDue = (typeof WORK_LIST_DUE_FILTERS)[number];
export const isWorkListDue = (s: unknown): s is WorkListDue => WORK_LIST_DUE_FILTERS.includes(s as WorkListDue);

/** Days ahead a time limit counts as "ending soon" (calendar days, today included). */
export const DUE_SOON_DAYS = 3;

/** The states a file is in while its mediators work on it (the work list's files). */
const WORKING_STATES = `('assigned', 'in_progress', 'agreed', 'withdrawal_pending')`;

/**
 * The work list's conditions on `mediation_files f` (the caller's current assignment, a working state) with its
 * optional due filter: the list and the home figure counting it both use these, so they cannot disagree.
 * Appends its parameters to `params`.
 */
export function workListConditions(actor: Actor, due: WorkListDue | undefined, today: IsoDate, params: unknown[]): string[] {
  params.push(actor.userId);
  const where = [
    `EXISTS (SELECT 1 FROM mediation_assignments a WHERE a.file_id = f.id AND a.mediator_id = $${params.length} AND a.ended_at IS NULL)`,
    `f.state IN ${WORKING_STATES}`,
  ];
  if (due === 'soon') {
    params.push(addDays(today, DUE_SOON_DAYS));
    where.push(`f.mediation_due <= $${params.length}::date`);
  }
  return where;
}
