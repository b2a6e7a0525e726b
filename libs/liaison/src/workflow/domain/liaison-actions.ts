import { DISTRICT_CASE_ROLES, Role } from '@fuyi/kernel';
import { LETTER_ACTION_LABELS, LetterAction, LetterState, nextLetterState } from './letter-state';
import { NOTICE_ACTION_LABELS, NoticeAction, NoticeState, nextNoticeState, type RecipientProgress } from './risk-notice-state';

/**
 * Who does what in court liaison (issue 11 item 5), one table for the routes' guards and the `allowedActions` of a risk
 * notice or a letter: liaison officers draft, send and record; the office head approves (a risk notice) or approves and
 * issues (a letter); the district case roles read. The states come from the state machines (nextNoticeState,
 * nextLetterState), so an action is offered exactly when the route's role and the machine both admit it.
 */
export const LIAISON_WRITE: readonly Role[] = [Role.LiaisonOfficer];
export const LIAISON_APPROVE: readonly Role[] = [Role.OfficeHead];
export const LIAISON_READ: readonly Role[] = [Role.LiaisonOfficer, ...DISTRICT_CASE_ROLES];

export const NOTICE_ACTION_ROLES: Record<NoticeAction, readonly Role[]> = {
  [NoticeAction.Edit]: LIAISON_WRITE,
  [NoticeAction.Submit]: LIAISON_WRITE,
  [NoticeAction.Approve]: LIAISON_APPROVE,
  [NoticeAction.Reject]: LIAISON_APPROVE,
  [NoticeAction.Send]: LIAISON_WRITE,
  [NoticeAction.Acknowledge]: LIAISON_WRITE,
  [NoticeAction.Respond]: LIAISON_WRITE,
  [NoticeAction.Close]: LIAISON_WRITE,
};

export const LETTER_ACTION_ROLES: Record<LetterAction, readonly Role[]> = {
  [LetterAction.Edit]: LIAISON_WRITE,
  [LetterAction.Issue]: LIAISON_APPROVE,
  [LetterAction.Receive]: LIAISON_WRITE,
  [LetterAction.Feedback]: LIAISON_WRITE,
  [LetterAction.Close]: LIAISON_WRITE,
};

/** The article a letter's step rests on, for the confirmation (a risk notice has no statutory basis: domain.md §3.11). */
const LETTER_ARTICLES: Partial<Record<LetterAction, string>> = {
  [LetterAction.Receive]: '《行政复议法》第七十六条',
  [LetterAction.Feedback]: '《行政复议法》第七十六条',
};

export interface LiaisonAllowedAction<A extends string> {
  action: A;
  label: string;
  article?: string;
}

/**
 * Whether some department still owes what a per-department step records (the service refuses a department that has
 * already acknowledged or responded): acknowledge and respond are offered only while one does.
 */
function someoneOwes(a: NoticeAction, p: RecipientProgress): boolean {
  if (a === NoticeAction.Acknowledge) return !p.allAcknowledged;
  if (a === NoticeAction.Respond) return !p.allResponded;
  return true;
}

/** A risk notice's `allowedActions` for a user of `role`, given how far its recipient departments are. */
export function allowedNoticeActions(
  role: Role,
  state: NoticeState,
  progress: RecipientProgress,
): LiaisonAllowedAction<NoticeAction | LiaisonUploadAction>[] {
  const moves: LiaisonAllowedAction<NoticeAction | LiaisonUploadAction>[] = Object.values(NoticeAction)
    .filter((a) => NOTICE_ACTION_ROLES[a].includes(role) && nextNoticeState(state, a) !== null && someoneOwes(a, progress))
    .map((a) => ({ action: a, label: NOTICE_ACTION_LABELS[a] }));
  return LIAISON_FILE_WRITE.includes(role) && noticeTakesFiles(state) ? [...moves, UPLOAD_ENTRY] : moves;
}

/** A letter's `allowedActions` for a user of `role`. */
export function allowedLetterActions(role: Role, state: LetterState): LiaisonAllowedAction<LetterAction | LiaisonUploadAction>[] {
  const moves: LiaisonAllowedAction<LetterAction | LiaisonUploadAction>[] = Object.values(LetterAction)
    .filter((a) => LETTER_ACTION_ROLES[a].includes(role) && nextLetterState(state, a) !== null)
    .map((a) => ({ action: a, label: LETTER_ACTION_LABELS[a], ...(LETTER_ARTICLES[a] ? { article: LETTER_ARTICLES[a] } : {}) }));
  return LIAISON_FILE_WRITE.includes(role) && letterTakesFiles(state) ? [...moves, UPLOAD_ENTRY] : moves;
}

/**
 * Issue 18 item 1: materials (the departments' written answers, receipts, scans) are added to a risk notice or a letter by
 * the liaison officers who keep it, from the draft on, until it is closed (已办结: the record is complete). Whoever reads
 * the liaison record (LIAISON_READ) sees and downloads them; libs/files asks these, it does not restate them.
 */
export const LIAISON_FILE_WRITE: readonly Role[] = LIAISON_WRITE;
/**
 * The upload entry of a risk notice's or a letter's `allowedActions` (not a move of the state machine: the record's
 * version does not change); the route is POST …/:id/files (libs/files), the console offers it beside the materials.
 */
export const LIAISON_UPLOAD_ACTION = 'upload_file';
export type LiaisonUploadAction = typeof LIAISON_UPLOAD_ACTION;
const UPLOAD_ENTRY: LiaisonAllowedAction<LiaisonUploadAction> = { action: LIAISON_UPLOAD_ACTION, label: '上传材料' };
export function noticeTakesFiles(state: NoticeState): boolean {
  return state !== NoticeState.Closed;
}
export function letterTakesFiles(state: LetterState): boolean {
  return state !== LetterState.Closed;
}
