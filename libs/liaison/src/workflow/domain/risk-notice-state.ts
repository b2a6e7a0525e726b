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

const FROM: Record<NoticeAction, readonly NoticeState[]> = {
  [NoticeAction.Edit]: [NoticeState.Draft],
  [NoticeAction.Submit]: [NoticeState.Draft],
  [NoticeAction.Approve]: [NoticeState.Submitted],
  // The office head may also send an approved notice back when it still cannot be issued (e.g. its text must change).
  [NoticeAction.Reject]: [NoticeState.Submitted, NoticeState.Approved],
  [NoticeAction.Send]: [NoticeState.Approved],
  // Per department: the notice stays 'sent' until the last one has acknowledged.
  [NoticeAction.Acknowledge]: [NoticeState.Sent],
  // A response also counts as acknowledgement; departments answer in any order.
  [NoticeAction.Respond]: [NoticeState.Sent, NoticeState.Acknowledged],
  [NoticeAction.Close]: [NoticeState.Responded],
};

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextNoticeState(state: NoticeState, action: NoticeAction, p: RecipientProgress = { allAcknowledged: true, allResponded: true }): NoticeState | null {
  if (!FROM[action].includes(state)) return null;
  switch (action) {
    case NoticeAction.Edit:
      return NoticeState.Draft;
    case NoticeAction.Submit:
      return NoticeState.Submitted;
    case NoticeAction.Approve:
      return NoticeState.Approved;
    case NoticeAction.Reject:
      return NoticeState.Draft;
    case NoticeAction.Send:
      return NoticeState.Sent;
    case NoticeAction.Acknowledge:
      return p.allAcknowledged ? NoticeState.Acknowledged : NoticeState.Sent;
    case NoticeAction.Respond:
      if (p.allResponded) return NoticeState.Responded;
      return p.allAcknowledged ? NoticeState.Acknowledged : state;
    case NoticeAction.Close:
      return NoticeState.Closed;
  }
}

/** States in which departments still owe something (the view and the scan look at these). */
export const OPEN_NOTICE_STATES: readonly NoticeState[] = [NoticeState.Sent, NoticeState.Acknowledged];
