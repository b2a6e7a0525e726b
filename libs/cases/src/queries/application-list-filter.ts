import type { Actor } from '@fuyi/kernel';
import { CaseState } from '../domain/case-state';
import { caseScopeOf, scopeClause } from './case-scope';

/** The stages GET /applications can be narrowed to (issue 16 item 5): what the township counter follows up. */
export const APPLICATION_LIST_STATES = [CaseState.Registered, CaseState.CorrectionRequested] as const;
export type ApplicationListState = (typeof APPLICATION_LIST_STATES)[number];

export const isApplicationListState = (s: unknown): s is ApplicationListState => APPLICATION_LIST_STATES.includes(s as ApplicationListState);

/**
 * The conditions of the applications list (a township clerk sees only its township's cases, the district all), with
 * its optional stage filter: the list and the home figure counting it both use these, so they cannot disagree.
 * Appends its parameters to `params` and returns SQL conditions on `cases c`.
 */
export function applicationConditions(actor: Actor, state: ApplicationListState | undefined, params: unknown[]): string[] {
  const scope = scopeClause(caseScopeOf(actor), params.length + 1);
  params.push(...scope.params);
  const where = scope.sql ? [scope.sql.replace(/^AND /, '')] : ['true'];
  if (state) {
    params.push(state);
    where.push(`c.state = $${params.length}`);
  }
  return where;
}
