import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { AuditService, conditionalUpdate } from '@fuyi/platform';
import { CaseAction, CaseState, nextState, type Performer } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { ownershipRefusal } from '../domain/case-ownership';
import type { CaseScope } from '../queries/case-scope';
import * as Cases from '../stores/cases.store';
import type { TransitionResult } from './review.types';
import { CaseTimeline } from '../timeline/case-timeline';

export interface TransitionRequest {
  caseId: string;
  action: CaseAction;
  expectedVersion: number;
  /** Extra column assignments for the same UPDATE, e.g. { procedure: 'ordinary' }. */
  set?: Record<string, unknown>;
  event: Record<string, unknown>;
  actor: Actor | null;
  scope: CaseScope;
}

const SETTABLE = new Set(['procedure', 'simplified_reason', 'review_outcome', 'accepted_on', 'handler_id', 'decision', 'closure']);

/**
 * One case transition: decide with the pure state machine, then a conditional UPDATE on the
 * expected version and state (0 rows = someone else got there first = 409), a timeline event and
 * an audit row, all in the caller's transaction.
 */
export async function applyTransition(m: EntityManager, audit: AuditService, req: TransitionRequest): Promise<TransitionResult> {
  const current = await Cases.caseForTransition(m, req.caseId, req.scope);
  if (!current) throw CaseErrors.notFound();
  const performer: Performer = req.actor ? req.actor.role : 'system';
  const to = nextState(current.state as CaseState, req.action, performer);
  // A reassignment in between bumps the version, so the conditional UPDATE below refuses a stale ownership check.
  const notOwner = ownershipRefusal(req.actor, { state: current.state, handlerId: current.handler_id });
  if (notOwner) throw notOwner;
  if (current.version !== req.expectedVersion) throw CaseErrors.versionConflict(req.expectedVersion, current.version);

  for (const col of Object.keys(req.set ?? {})) if (!SETTABLE.has(col)) throw new Error(`column ${col} is not settable by a transition`);
  // Checked above, so a refused UPDATE means someone else got there first: always a version conflict.
  const conflict = (_expected: number, now = -1) => CaseErrors.versionConflict(req.expectedVersion, now);
  const updated = await conditionalUpdate<{ version: number }>(
    m,
    { table: 'cases', id: req.caseId, expectedVersion: req.expectedVersion, inStates: [current.state], set: { state: to, ...req.set } },
    { notFound: () => conflict(req.expectedVersion), versionConflict: conflict, wrongState: () => conflict(req.expectedVersion, current.version) },
  );
  await CaseTimeline.append(m, { caseId: req.caseId, type: req.action, actorId: req.actor?.userId, data: { from: current.state, to, ...req.event } });
  await audit.record(m, {
    action: `case.${req.action}`, subjectType: 'case', subjectId: req.caseId, actor: req.actor,
    summary: { from: current.state, to, version: updated.version, ...req.event },
  });
  return { caseId: req.caseId, caseNumber: current.case_number, state: to, version: updated.version };
}
