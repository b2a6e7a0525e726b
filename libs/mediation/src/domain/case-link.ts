import type { MediationPerformer } from './mediation-state';

/**
 * Who may hand a suspended case back to the reconsideration track when mediation fails: the mediator on the file or
 * the office head. A coordinator not on the file may end the file, but the resumption is then left to the handler.
 */
export const CASE_HAND_BACK_PERFORMERS: readonly MediationPerformer[] = ['file_mediator', 'office_head'];

export function mayHandBackSuspendedCase(capacities: readonly MediationPerformer[]): boolean {
  return capacities.some((c) => CASE_HAND_BACK_PERFORMERS.includes(c));
}

/** The suspension the mediation centre may resume: for mediation by consent (ARL 39(1)(6)), the one the file recorded. */
export function isFilesSuspension(open: { ground: number; from: string } | null, fileSuspendedFrom: string | null, consentGround: number): boolean {
  return !!open && !!fileSuspendedFrom && open.ground === consentGround && open.from === fileSuspendedFrom;
}

/** Case states in which the review is over: nothing of the mediation can change them any more. */
const CASE_CLOSED_STATES = new Set(['refused', 'abandoned', 'decided', 'served', 'terminated', 'mediated', 'archived']);

/** Why an outcome cannot be recorded while the linked case is in `state` (its Chinese label given), by state. */
export function outcomeRefusalFor(state: string, label: string): string {
  if (CASE_CLOSED_STATES.has(state)) return `关联的复议案件已结案（${label}），不能再记录调解结果`;
  if (state === 'registered' || state === 'correction_requested') {
    return `关联的复议申请尚在受理审查中（${label}），受理（或视为受理）后方可按案中调解结案`;
  }
  return `关联的复议案件当前为“${label}”，不能记录调解结果，请先与承办人沟通`;
}
