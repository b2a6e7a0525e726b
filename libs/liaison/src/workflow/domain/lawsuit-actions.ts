import type { Role } from '@fuyi/kernel';
import { LIAISON_WRITE } from './liaison-actions';
import { COURT_HEARING_KINDS, type Hearing } from './litigation';

/**
 * What may be recorded on a lawsuit (issue 16 review), one table for the routes' guards and the lawsuit's
 * `allowedActions`. `when` mirrors what LawsuitService / LawsuitDefenceService refuse from the record:
 * - a hearing may always be entered (one held before the judgment may still be entered late);
 * - the head's appearance (ALL 3(3)) is recorded on a court hearing already held where it is not yet recorded;
 * - the complaint copy's receipt starts the 15-day defence period (ALL 67) and may be corrected until the defence is in;
 * - the defence and evidence (ALL 67, ALL 34) once the complaint copy was received, once;
 * - the judgment once;
 * - the court and the court's case number may be corrected at any stage (a clerical correction of the register: the
 *   same lawsuit, nothing counts from them), against the version read (409 on a concurrent edit), never onto another
 *   lawsuit's court and number (LIAISON_LAWSUIT_DUPLICATE).
 */
export enum LawsuitAction {
  RecordHearing = 'record_hearing',
  RecordHeadAppearance = 'record_head_appearance',
  ComplaintReceived = 'complaint_received',
  DefenceSubmitted = 'defence_submitted',
  RecordJudgment = 'record_judgment',
  CorrectCourt = 'correct_court',
}

export interface LawsuitFacts {
  hearings: readonly Hearing[];
  complaintReceivedOn: string | null;
  defenceSubmittedOn: string | null;
  judgmentKind: string | null;
  /** Today in Beijing (YYYY-MM-DD). */
  today: string;
}

/** Court hearings already held without the head's appearance recorded: their indexes in `hearings` (as the API shows them). */
export const hearingsAwaitingHead = (f: Pick<LawsuitFacts, 'hearings' | 'today'>): number[] =>
  f.hearings.flatMap((h, i) => (COURT_HEARING_KINDS.includes(h.kind) && !h.headAppeared && h.heldOn <= f.today ? [i] : []));

export const LAWSUIT_ACTIONS: Record<LawsuitAction, { label: string; article?: string; roles: readonly Role[]; when: (f: LawsuitFacts) => boolean }> = {
  [LawsuitAction.RecordHearing]: { label: '登记开庭', roles: LIAISON_WRITE, when: () => true },
  [LawsuitAction.RecordHeadAppearance]: {
    label: '登记负责人出庭应诉', article: '《行政诉讼法》第三条第三款', roles: LIAISON_WRITE, when: (f) => hearingsAwaitingHead(f).length > 0,
  },
  [LawsuitAction.ComplaintReceived]: {
    label: '登记收到起诉状副本', article: '《行政诉讼法》第六十七条', roles: LIAISON_WRITE, when: (f) => !f.defenceSubmittedOn,
  },
  [LawsuitAction.DefenceSubmitted]: {
    label: '登记提交答辩状', article: '《行政诉讼法》第六十七条、第三十四条', roles: LIAISON_WRITE, when: (f) => !!f.complaintReceivedOn && !f.defenceSubmittedOn,
  },
  [LawsuitAction.RecordJudgment]: { label: '登记裁判结果', roles: LIAISON_WRITE, when: (f) => !f.judgmentKind },
  [LawsuitAction.CorrectCourt]: { label: '更正法院和案号', roles: LIAISON_WRITE, when: () => true },
};

/** A lawsuit's `allowedActions` for a user of `role`, in the table's order. */
export function allowedLawsuitActions(role: Role, f: LawsuitFacts): Array<{ action: LawsuitAction; label: string; article?: string }> {
  return Object.values(LawsuitAction)
    .filter((a) => LAWSUIT_ACTIONS[a].roles.includes(role) && LAWSUIT_ACTIONS[a].when(f))
    .map((a) => ({ action: a, label: LAWSUIT_ACTIONS[a].label, ...(LAWSUIT_ACTIONS[a].article ? { article: LAWSUIT_ACTIONS[a].article } : {}) }));
}
