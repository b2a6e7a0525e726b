import { DomainError, Role } from '@fuyi/kernel';

/** Stages of a reconsideration case (domain.md §3). Plain data, no framework. */
export enum CaseState {
  Registered = 'registered', // 待审查: received, acceptance review running (ARL 30)
  CorrectionRequested = 'correction_requested', // 待补正 (ARL 31)
  Accepted = 'accepted', // 已受理
  Refused = 'refused', // 不予受理
  Abandoned = 'abandoned', // 视为放弃 (ARL 31)
  Suspended = 'suspended', // 中止 (ARL 39): the decision clock is paused
}

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  [CaseState.Registered]: '待受理审查',
  [CaseState.CorrectionRequested]: '待补正',
  [CaseState.Accepted]: '已受理',
  [CaseState.Refused]: '不予受理',
  [CaseState.Abandoned]: '视为放弃申请',
  [CaseState.Suspended]: '中止审理',
};

export enum CaseAction {
  Accept = 'accept',
  RequestCorrection = 'request_correction',
  Refuse = 'refuse',
  ReceiveCorrection = 'receive_correction',
  DeemAccepted = 'deem_accepted',
  Abandon = 'abandon',
  Suspend = 'suspend',
  Resume = 'resume',
}

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  [CaseAction.Accept]: '受理',
  [CaseAction.RequestCorrection]: '通知补正',
  [CaseAction.Refuse]: '不予受理',
  [CaseAction.ReceiveCorrection]: '收到补正材料',
  [CaseAction.DeemAccepted]: '视为受理',
  [CaseAction.Abandon]: '视为放弃',
  [CaseAction.Suspend]: '中止',
  [CaseAction.Resume]: '恢复审理',
};

/** 'system' is the worker acting on a legal effect (e.g. ARL 30 deemed acceptance). */
export type Performer = Role | 'system';

interface Transition {
  from: readonly CaseState[];
  to: CaseState;
  by: readonly Performer[];
}

const REVIEWERS: readonly Performer[] = [Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead];

export const CASE_TRANSITIONS: Record<CaseAction, Transition> = {
  [CaseAction.Accept]: { from: [CaseState.Registered], to: CaseState.Accepted, by: REVIEWERS },
  [CaseAction.RequestCorrection]: { from: [CaseState.Registered], to: CaseState.CorrectionRequested, by: REVIEWERS },
  [CaseAction.Refuse]: { from: [CaseState.Registered], to: CaseState.Refused, by: REVIEWERS },
  // ARL 31 / policy: once the correction is in, a fresh 5-day acceptance review starts.
  [CaseAction.ReceiveCorrection]: { from: [CaseState.CorrectionRequested], to: CaseState.Registered, by: [...REVIEWERS, Role.TownshipClerk] },
  // ARL 30: not refused within the period = deemed accepted.
  [CaseAction.DeemAccepted]: { from: [CaseState.Registered], to: CaseState.Accepted, by: ['system'] },
  // ARL 31: correction not made in time without good reason = application abandoned (a clerk confirms).
  [CaseAction.Abandon]: { from: [CaseState.CorrectionRequested], to: CaseState.Abandoned, by: REVIEWERS },
  // ARL 39: suspension on one of its grounds; ARL 39 (final paragraph): resumption once the ground is gone.
  [CaseAction.Suspend]: { from: [CaseState.Accepted], to: CaseState.Suspended, by: REVIEWERS },
  [CaseAction.Resume]: { from: [CaseState.Suspended], to: CaseState.Accepted, by: REVIEWERS },
};

/** Decides a transition; throws a 409/403 domain error when it is not allowed. */
export function nextState(current: CaseState, action: CaseAction, by: Performer): CaseState {
  const t = CASE_TRANSITIONS[action];
  if (!t.by.includes(by)) {
    throw new DomainError('CASE_ACTION_FORBIDDEN', `当前角色无权执行"${CASE_ACTION_LABELS[action]}"`, 'forbidden');
  }
  if (!t.from.includes(current)) {
    throw new DomainError(
      'CASE_ILLEGAL_TRANSITION',
      `案件当前状态为"${CASE_STATE_LABELS[current]}"，不能执行"${CASE_ACTION_LABELS[action]}"`,
      'conflict',
      { state: current, action },
    );
  }
  return t.to;
}
