import type { EntityManager } from 'typeorm';
import { Role, type Actor } from '@fuyi/kernel';
import { CaseErrors } from '../domain/case-errors';
import { caseInScope } from '../stores/cases.store';

/** What part of the district's cases an actor may see: township roles only their own township. */
export type CaseScope = { kind: 'district' } | { kind: 'township'; townshipId: number } | { kind: 'none' };

export function caseScopeOf(actor: Actor | null): CaseScope {
  if (!actor) return { kind: 'district' }; // the system itself
  switch (actor.role) {
    case Role.TownshipClerk:
      return actor.townshipId ? { kind: 'township', townshipId: actor.townshipId } : { kind: 'none' };
    case Role.ReconsiderationClerk:
    case Role.SectionChief:
    case Role.OfficeHead:
    case Role.LiaisonOfficer:
      return { kind: 'district' };
    // Mediators see mediation files, not the reconsideration register (libs/mediation).
    default:
      return { kind: 'none' };
  }
}

/** SQL fragment restricting the alias `c` (cases) to the scope; parameters numbered from `firstParam`. */
export function scopeClause(scope: CaseScope, firstParam: number): { sql: string; params: unknown[] } {
  if (scope.kind === 'district') return { sql: '', params: [] };
  if (scope.kind === 'none') return { sql: 'AND false', params: [] };
  return { sql: `AND c.township_id = $${firstParam}`, params: [scope.townshipId] };
}

/**
 * 404 outside the actor's scope, checked before a guard whose refusal would tell the case's dates (a period's due date,
 * a hearing day) to someone who may not see the case.
 */
export async function assertInScope(m: Pick<EntityManager, 'query'>, actor: Actor, caseId: string): Promise<void> {
  if (!(await caseInScope(m, caseId, caseScopeOf(actor)))) throw CaseErrors.notFound();
}
