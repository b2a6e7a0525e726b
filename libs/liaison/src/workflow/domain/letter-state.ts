import { StateMachine, type Transition } from '@fuyi/kernel';
import { LiaisonErrors } from '../services/liaison-errors';

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

const L = LetterState;

export const LETTER_TRANSITIONS: Record<LetterAction, Transition<LetterState> & { to: LetterState }> = {
  [LetterAction.Edit]: { from: [L.Draft], to: L.Draft },
  [LetterAction.Issue]: { from: [L.Draft], to: L.Issued },
  [LetterAction.Receive]: { from: [L.Issued], to: L.Received },
  // ARL 76: the recipient reports the corrections it made (opinion letter); a suggestion letter's answer alike.
  [LetterAction.Feedback]: { from: [L.Received], to: L.FeedbackReceived, article: 'ARL 76' },
  [LetterAction.Close]: { from: [L.FeedbackReceived], to: L.Closed },
};

export const LETTER_MACHINE = new StateMachine<LetterState, LetterAction>(LETTER_TRANSITIONS, {
  illegal: (state, action) => LiaisonErrors.illegalTransition('letter', state, LETTER_STATE_LABELS[state], LETTER_ACTION_LABELS[action]),
});

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextLetterState(state: LetterState, action: LetterAction): LetterState | null {
  return LETTER_MACHINE.peek(state, action);
}
