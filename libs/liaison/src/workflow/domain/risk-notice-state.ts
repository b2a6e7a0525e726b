import { StateMachine, type Transition } from '@fuyi/kernel';
import { LiaisonErrors } from '../services/liaison-errors';

/**
 * Risk notice (风险提示函) life: an internal workflow without statutory basis (domain.md §3.11), so every step is
 * policy. Plain data: the service applies a move with a conditional UPDATE … WHERE state = from AND version = expected.
 */
export enum NoticeState {
  Draft = 'draft',
  Submitted = 'submitted',
  Approved = 'approved',
  Sent = 'sent',
  Acknowledged = 'acknowledged',
  Responded = 'responded',
  Closed = 'closed',
}

export enum NoticeAction {
  Edit = 'edit',
  Submit = 'submit',
  Approve = 'approve',
  Reject = 'reject',
  Send = 'send',
  Acknowledge = 'acknowledge',
  Respond = 'respond',
  Close = 'close',
}

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  [NoticeState.Draft]: '草稿',
  [NoticeState.Submitted]: '待审批',
  [NoticeState.Approved]: '已批准',
  [NoticeState.Sent]: '已送达部门',
  [NoticeState.Acknowledged]: '部门已签收',
  [NoticeState.Responded]: '部门已回复',
  [NoticeState.Closed]: '已办结',
};

export const NOTICE_ACTION_LABELS: Record<NoticeAction, string> = {
  [NoticeAction.Edit]: '修改',
  [NoticeAction.Submit]: '提交审批',
  [NoticeAction.Approve]: '批准',
  [NoticeAction.Reject]: '退回',
  [NoticeAction.Send]: '发送',
  [NoticeAction.Acknowledge]: '登记签收',
  [NoticeAction.Respond]: '登记回复',
  [NoticeAction.Close]: '办结',
};

/** Progress of the recipients after the move (acknowledge and respond act on one department at a time). */
export interface RecipientProgress {
  allAcknowledged: boolean;
  allResponded: boolean;
}

const N = NoticeState;
const fixed = (from: readonly NoticeState[], to: NoticeState): Transition<NoticeState, never, RecipientProgress> => ({ from, to });

export const NOTICE_TRANSITIONS: Record<NoticeAction, Transition<NoticeState, never, RecipientProgress>> = {
  [NoticeAction.Edit]: fixed([N.Draft], N.Draft),
  [NoticeAction.Submit]: fixed([N.Draft], N.Submitted),
  [NoticeAction.Approve]: fixed([N.Submitted], N.Approved),
  // The office head may also send an approved notice back when it still cannot be issued (e.g. its text must change).
  [NoticeAction.Reject]: fixed([N.Submitted, N.Approved], N.Draft),
  [NoticeAction.Send]: fixed([N.Approved], N.Sent),
  // Per department: the notice stays 'sent' until the last one has acknowledged.
  [NoticeAction.Acknowledge]: { from: [N.Sent], to: { among: [N.Sent, N.Acknowledged], pick: (_s, p) => (p.allAcknowledged ? N.Acknowledged : N.Sent) } },
  // A response also counts as acknowledgement; departments answer in any order.
  [NoticeAction.Respond]: {
    from: [N.Sent, N.Acknowledged],
    to: { among: [N.Sent, N.Acknowledged, N.Responded], pick: (s, p) => (p.allResponded ? N.Responded : p.allAcknowledged ? N.Acknowledged : s) },
  },
  [NoticeAction.Close]: fixed([N.Responded], N.Closed),
};

export const NOTICE_MACHINE = new StateMachine<NoticeState, NoticeAction, never, RecipientProgress>(NOTICE_TRANSITIONS, {
  illegal: (state, action) => LiaisonErrors.illegalTransition('notice', state, NOTICE_STATE_LABELS[state], NOTICE_ACTION_LABELS[action]),
});

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextNoticeState(state: NoticeState, action: NoticeAction, p: RecipientProgress = { allAcknowledged: true, allResponded: true }): NoticeState | null {
  return NOTICE_MACHINE.peek(state, action, p);
}

/** States in which departments still owe something (the view and the scan look at these). */
export const OPEN_NOTICE_STATES: readonly NoticeState[] = [NoticeState.Sent, NoticeState.Acknowledged];
