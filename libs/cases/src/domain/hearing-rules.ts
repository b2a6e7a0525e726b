import { DomainError } from '@fuyi/kernel';

export type WaiverKind = 'listening' | 'formal';

/** ARL 50: a case with this many applicants or more is a group dispute (群体性纠纷), which must have a formal hearing. */
export const GROUP_SIZE = 5;

/** Why the parties could not be heard, or why no formal hearing was held, as recorded on the case. */
export interface HearingWaiver {
  reason: string;
  on: string;
}

export interface HearingStatus {
  listeningRequired: boolean;
  listeningDone: boolean;
  listeningWaiver: HearingWaiver | null;
  formalHearingMandatory: boolean;
  formalHearingHeld: boolean;
  formalHearingWaiver: HearingWaiver | null;
  reasons: string[];
}

/**
 * What stops a decision (issue #12 item 4). Null when the case may be decided.
 * - ARL 49: in the ordinary procedure the parties are heard (in person, online, by phone) before deciding; only when
 *   they cannot be heard for a reason on their side may the case be reviewed in writing (书面审理), and the record says why.
 * - ARL 50(1): a major, difficult or complex case (group disputes included) must have a formal hearing; without one the
 *   record says why (e.g. ARL 51(2): the applicant refused to attend without good reason, which waives the hearing).
 *   A formal hearing also hears the parties.
 */
export function hearingRefusal(s: HearingStatus): DomainError | null {
  if (s.formalHearingMandatory && !s.formalHearingHeld && !s.formalHearingWaiver) {
    return new DomainError(
      'CASE_FORMAL_HEARING_REQUIRED',
      '本案属于重大、疑难、复杂案件（含群体性纠纷），应当组织听证后再作出决定（《行政复议法》第五十条）；请先举行听证并记录笔录，或记录未能举行听证的原因',
      'conflict',
      { reasons: s.reasons },
    );
  }
  if (s.listeningRequired && !s.listeningDone && !s.listeningWaiver) {
    return new DomainError(
      'CASE_PARTIES_NOT_HEARD',
      '适用普通程序的案件应当听取当事人意见后再作出决定（《行政复议法》第四十九条）；请先记录听取意见，或记录因当事人原因不能听取意见、进行书面审理的理由',
      'conflict',
    );
  }
  return null;
}
