import type { IsoDate } from '@fuyi/kernel';
import type { SqlRunner } from '@fuyi/platform';
import { caseFactRows, type CaseFactsRow } from '../stores/work-lists.store';
import { allowedCaseActions, type AllowedAction, type CaseActor, type CaseFacts } from '../domain/case-actions';
import { CaseState } from '../domain/case-state';
import { GROUP_SIZE, hearingRefusal } from '../domain/hearing-rules';

type Db = SqlRunner;

/**
 * What the operations' guards read besides state and role (domain/case-actions.ts), for many cases in one query: the
 * case resource and every list row (work views, intake queue, the township's applications) take their
 * `allowedActions` from here, so a list never costs a query per row and never disagrees with the case page.
 * ARL 49-50 readiness reads the same inputs as ParticipationService.requirements (applicants, hearings held, open
 * group-dispute clusters, recorded waivers) and judges them with the same hearingRefusal.
 */
export async function loadCaseFacts(db: Db, ids: string[], today: IsoDate): Promise<Map<string, CaseFacts>> {
  if (!ids.length) return new Map();
  const rows = await caseFactRows(db, ids, today);
  return new Map(rows.map((r) => [r.id, toFacts(r)]));
}

function toFacts(r: CaseFactsRow): CaseFacts {
  const deciding = r.state === CaseState.Accepted || r.state === CaseState.DecisionPending;
  const held: string[] = r.held ?? [];
  const waived = r.waived ?? [];
  const waiver = (kind: string) => (waived.includes(kind) ? { reason: '', on: '' } : null);
  const formalHearingMandatory = r.applicants >= GROUP_SIZE || r.in_cluster;
  const ready = deciding && !hearingRefusal({
    listeningRequired: r.procedure === 'ordinary', listeningDone: held.some((k) => k === 'listening' || k === 'formal'),
    listeningWaiver: waiver('listening'), formalHearingMandatory, formalHearingHeld: held.includes('formal'),
    formalHearingWaiver: waiver('formal'), reasons: [],
  });
  return {
    state: r.state as CaseState, procedure: r.procedure, handlerId: r.handler_id,
    correctionNotified: r.correction_notified, correctionLapsed: r.correction_lapsed, pendingRequests: r.pending ?? {},
    decisionExtended: r.decision_extended, decisionSubmittedBy: r.decision_submitted_by ?? null, readyToDecide: ready,
    published: r.published, lawsuitWindowOpen: r.lawsuit_open, unservedParties: r.unserved,
  };
}

/** Each case's `allowedActions` for this user (none for a case that is gone). */
export async function loadAllowedActions(db: Db, actor: CaseActor, ids: string[], today: IsoDate): Promise<Map<string, AllowedAction[]>> {
  const facts = await loadCaseFacts(db, ids, today);
  return new Map(ids.map((id) => [id, facts.has(id) ? allowedCaseActions(actor, facts.get(id)!) : []]));
}
