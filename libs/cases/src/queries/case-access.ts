import type { DataSource } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { CaseErrors } from '../domain/case-errors';
import { ownershipRefusal } from '../domain/case-ownership';
import { caseScopeOf } from './case-scope';
import * as Cases from '../stores/cases.store';

/**
 * The gate in front of every `/cases/:id…` route (issue 14 "Must show": access matrix): a case outside the caller's
 * scope (another township's, for a township clerk) is not found, and past intake a reconsideration clerk may change
 * only the cases assigned to them. Checked before the body is validated, so the answer is the same whatever is sent.
 * The services keep their own checks; this makes the order uniform.
 */
export async function caseAccessRefusal(ds: DataSource, actor: Actor, caseId: string, write: boolean): Promise<Error | null> {
  const scope = caseScopeOf(actor);
  const c = await Cases.caseAccessRow(ds, caseId);
  if (!c || scope.kind === 'none' || (scope.kind === 'township' && c.township_id !== scope.townshipId)) return CaseErrors.notFound();
  return write ? ownershipRefusal(actor, { state: c.state, handlerId: c.handler_id }) : null;
}
