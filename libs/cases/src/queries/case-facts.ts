import type { DataSource, EntityManager } from 'typeorm';
import type { IsoDate } from '@fuyi/kernel';
import { allowedCaseActions, type AllowedAction, type CaseActor, type CaseFacts } from '../domain/case-actions';
import { CaseState } from '../domain/case-state';
import { GROUP_SIZE, hearingRefusal } from '../domain/hearing-rules';

type Db = Pick<DataSource | EntityManager, 'query'>;

/**
 * What the operations' guards read besides state and role (domain/case-actions.ts), for many cases in one query: the
 * case resource and every list row (work views, intake queue, the township's applications) take their
 * `allowedActions` from here, so a list never costs a query per row and never disagrees with the case page.
 * ARL 49-50 readiness reads the same inputs as ParticipationService.requirements (applicants, hearings held, open
 * group-dispute clusters, recorded waivers) and judges them with the same hearingRefusal.
 */
export async function loadCaseFacts(db: Db, ids: string[], today: IsoDate): Promise<Map<string, CaseFacts>> {
  if (!ids.length) return new Map();
  const rows: any[] = await db.query(
    `SELECT c.id, c.state, c.procedure, c.handler_id, c.decision->>'submittedBy' AS decision_submitted_by, c.published_text IS NOT NULL AS published,
            EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'request_correction') AS correction_notified,
            EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'applicant-correction' AND k.status = 'missed') AS correction_lapsed,
            (SELECT json_object_agg(r.kind, r.submitted_by) FROM case_approval_requests r WHERE r.case_id = c.id AND r.status = 'pending') AS pending,
            EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'decision' AND k.extension_days > 0) AS decision_extended,
            EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.rule = 'lawsuit' AND k.status IN ('running', 'paused') AND k.due_date >= $2::date) AS lawsuit_open,
            (SELECT count(*)::int FROM case_parties p WHERE p.case_id = c.id
                AND NOT EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = p.case_id AND s.party_id = p.id)) AS unserved,
            (SELECT count(*)::int FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicants,
            ARRAY(SELECT h.kind::text FROM case_hearings h WHERE h.case_id = c.id AND h.status = 'held') AS held,
            EXISTS (SELECT 1 FROM group_dispute_members gm JOIN group_disputes g ON g.id = gm.cluster_id
                     WHERE gm.record_kind = 'case' AND gm.record_id = c.id AND g.state = 'open') AS in_cluster,
            ARRAY(SELECT DISTINCT e.data->>'kind' FROM case_events e WHERE e.case_id = c.id AND e.type = 'hearing_waived') AS waived
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [ids, today],
  );
  return new Map(rows.map((r) => [r.id as string, toFacts(r)]));
}

function toFacts(r: any): CaseFacts {
  const deciding = r.state === CaseState.Accepted || r.state === CaseState.DecisionPending;
  const held: string[] = r.held ?? [];
  const waived: string[] = r.waived ?? [];
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
