import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import type { AuditService } from '@fuyi/platform';
import type { HearingWaiver, WaiverKind } from '../domain/hearing-rules';
import { CASE_OPERATIONS, CaseOp } from '../domain/case-actions';
import { editCase } from './case-edit';
import { latestHearingWaivers } from '../stores/case-events.store';

const WHAT: Record<WaiverKind, string> = { listening: '记录不能听取意见的原因', formal: '记录未能举行听证的原因' };

/**
 * Records on the case why the parties could not be heard (ARL 49: written review) or why the mandatory formal hearing
 * was not held (ARL 51(2)); the timeline event is the record the decision guard reads.
 */
export async function recordHearingWaiver(
  m: EntityManager, audit: AuditService, actor: Actor, caseId: string, v: { version: number; kind: WaiverKind; reason: string }, today: string,
) {
  const c = await editCase(m, audit, {
    caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.WaiveHearing].states, event: 'hearing_waived',
    data: { kind: v.kind, reason: v.reason, on: today }, what: WHAT[v.kind],
  });
  return { caseId, version: c.version };
}

/** The latest recorded waiver of each kind. */
export async function hearingWaivers(m: Pick<EntityManager, 'query'>, caseId: string): Promise<Record<WaiverKind, HearingWaiver | null>> {
  const rows = await latestHearingWaivers(m, caseId);
  const of = (kind: WaiverKind) => rows.find((r) => r.kind === kind) ?? null;
  const view = (r: { reason: string; on: string } | null) => (r ? { reason: r.reason, on: r.on } : null);
  return { listening: view(of('listening')), formal: view(of('formal')) };
}
