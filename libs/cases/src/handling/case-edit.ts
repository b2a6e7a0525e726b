import type { EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@fuyi/kernel';
import { AuditService, conditionalUpdate } from '@fuyi/platform';
import { CASE_STATE_LABELS, type CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { ownershipRefusal } from '../domain/case-ownership';
import { caseScopeOf, scopeClause } from '../queries/case-scope';
import { CaseTimeline } from '../timeline/case-timeline';
import * as Cases from '../stores/cases.store';

export interface EditedCase {
  id: string;
  case_number: string;
  state: CaseState;
  version: number;
  procedure: string | null;
  accepted_on: string | null;
  decision: Record<string, any> | null;
}

/**
 * A recorded step that does not change the stage (copy sent, reply received, extension, service…): the same
 * optimistic check as a transition — UPDATE … WHERE version = expected AND state IN allowed — plus timeline and audit.
 */
export async function editCase(
  m: EntityManager,
  audit: AuditService,
  req: { caseId: string; expectedVersion: number; actor: Actor; allowed: readonly CaseState[]; event: string; data: Record<string, unknown>; what: string },
): Promise<EditedCase> {
  await assertActsOn(m, req.actor, req.caseId);
  const edited = await conditionalUpdate<EditedCase>(
    m,
    {
      table: 'cases', alias: 'c', id: req.caseId, expectedVersion: req.expectedVersion, inStates: req.allowed,
      scope: (first) => scopeClause(caseScopeOf(req.actor), first), returning: 'id, case_number, state, version, procedure, accepted_on, decision',
    },
    {
      notFound: () => CaseErrors.notFound(),
      versionConflict: (expected, current) => CaseErrors.versionConflict(expected, current),
      wrongState: (state) => new DomainError('CASE_ILLEGAL_TRANSITION', `案件当前状态为"${CASE_STATE_LABELS[state as CaseState]}"，不能${req.what}`, 'conflict', { state }),
    },
  );
  await CaseTimeline.append(m, { caseId: req.caseId, type: req.event, actorId: req.actor.userId, data: req.data });
  await audit.record(m, { actor: req.actor, action: `case.${req.event}`, subjectType: 'case', subjectId: req.caseId, summary: { ...req.data, version: edited.version } });
  return edited;
}

/**
 * 404 outside the actor's scope, 403 when a clerk is not the case's handler (issue #12 item 6). Safe before a
 * conditional UPDATE on the version: a reassignment in between bumps the version and the UPDATE refuses.
 */
export async function assertActsOn(m: Pick<EntityManager, 'query'>, actor: Actor, caseId: string): Promise<void> {
  const c = await Cases.caseOwnership(m, caseId, caseScopeOf(actor));
  if (!c) throw CaseErrors.notFound();
  const refusal = ownershipRefusal(actor, { state: c.state, handlerId: c.handler_id });
  if (refusal) throw refusal;
}
