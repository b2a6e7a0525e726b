/**
 * Opinion letters (意见书, ARL 76) and suggestion letters (建议书, 2007 regulations art. 57). Plain data, like the
 * case state machine: the service applies a move with UPDATE … WHERE state = from AND version = expected.
 */
export type LetterKind = 'opinion' | 'suggestion';
export const LETTER_KINDS: readonly LetterKind[] = ['opinion', 'suggestion'];
export const LETTER_KIND_LABELS: Record<LetterKind, string> = { opinion: '行政复议意见书', suggestion: '行政复议建议书' };

export enum LetterState {
  Draft = 'draft',
  Issued = 'issued',
  Received = 'received',
  FeedbackReceived = 'feedback_received',
  Closed = 'closed',
}

export enum LetterAction {
  Edit = 'edit',
  Issue = 'issue',
  Receive = 'receive',
  Feedback = 'feedback',
  Close = 'close',
}

export const LETTER_STATE_LABELS: Record<LetterState, string> = {
  [LetterState.Draft]: '草稿',
  [LetterState.Issued]: '已制发',
  [LetterState.Received]: '对方已收到',
  [LetterState.FeedbackReceived]: '已反馈',
  [LetterState.Closed]: '已办结',
};

export const LETTER_ACTION_LABELS: Record<LetterAction, string> = {
  [LetterAction.Edit]: '修改',
  [LetterAction.Issue]: '审批制发',
  [LetterAction.Receive]: '登记收到',
  [LetterAction.Feedback]: '登记反馈',
  [LetterAction.Close]: '办结',
};

const MOVES: Record<LetterAction, [readonly LetterState[], LetterState]> = {
  [LetterAction.Edit]: [[LetterState.Draft], LetterState.Draft],
  [LetterAction.Issue]: [[LetterState.Draft], LetterState.Issued],
  [LetterAction.Receive]: [[LetterState.Issued], LetterState.Received],
  // ARL 76: the recipient reports the corrections it made (opinion letter); a suggestion letter's answer alike.
  [LetterAction.Feedback]: [[LetterState.Received], LetterState.FeedbackReceived],
  [LetterAction.Close]: [[LetterState.FeedbackReceived], LetterState.Closed],
};

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextLetterState(state: LetterState, action: LetterAction): LetterState | null {
  const [from, to] = MOVES[action];
  return from.includes(state) ? to : null;
}
