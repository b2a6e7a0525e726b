import { MediationState } from './mediation-state';

/**
 * Which of the centre's documents a file's state allows (plain data, unit-tested). Null: allowed; otherwise why not,
 * for the clerk.
 * - 调解协议书 / 调解书: a draft for signature while mediating, or the signed text awaiting the seal. A 调解书 is
 *   never issued again once sealed (ARL 73: the sealed one is the case's closing document); an agreement outside a
 *   case takes effect on signature, so its 调解协议书 may still be printed once the file is closed by agreement.
 * - 终止调解通知书: only when mediation ended without resolving the dispute (failure, a party backing out) or the
 *   applicant gave up.
 * - 移送函 and 调解笔录 (of a held session, checked elsewhere): in any state.
 */
export function documentRefusal(type: string, file: { state: MediationState; outcome: string | null; hasCase: boolean }): string | null {
  const S = MediationState;
  const drafting = file.state === S.InProgress || file.state === S.Agreed;
  switch (type) {
    case 'mediation-agreement':
      if (drafting || (file.state === S.Closed && file.outcome === 'agreement' && !file.hasCase)) return null;
      return '只有调解中、调解书待盖章或已达成调解协议结案的调解案件可以出具调解协议书';
    case 'mediation-document':
      return drafting ? null : '只有调解中或调解书待盖章的调解案件可以出具调解书；已盖章的调解书不能重新出具';
    case 'mediation-termination-notice':
      if (file.state === S.Failed || file.outcome === 'given_up') return null;
      return '只有调解不成（含一方反悔）或申请人放弃的调解案件可以出具终止调解通知书';
    default:
      return null;
  }
}
