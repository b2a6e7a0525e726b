import { DomainError, Role, StateMachine, type Transition as MachineTransition } from '@fuyi/kernel';

/** Stages of a reconsideration case (domain.md §3). Plain data, no framework. */
export enum CaseState {
  Registered = 'registered', // 待审查: received, acceptance review running (ARL 30)
  CorrectionRequested = 'correction_requested', // 待补正 (ARL 31)
  Accepted = 'accepted', // 已受理
  Refused = 'refused', // 不予受理
  Abandoned = 'abandoned', // 视为放弃 (ARL 31)
  Suspended = 'suspended', // 中止 (ARL 39): the decision clock is paused
  DecisionPending = 'decision_pending', // 决定待审批: the handler's draft awaits the office head
  Decided = 'decided', // 已作出决定, not yet served on every applicant (effective on service, ARL 75)
  Served = 'served', // 已送达: the 15-day lawsuit window runs (ALL 45)
  Terminated = 'terminated', // 终止 (ARL 41), incl. approved withdrawal
  Mediated = 'mediated', // 调解结案: 调解书 signed by all parties and sealed (ARL 73)
  Archived = 'archived', // 归档 after service and the lawsuit window
}

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  [CaseState.Registered]: '待受理审查',
  [CaseState.CorrectionRequested]: '待补正',
  [CaseState.Accepted]: '已受理',
  [CaseState.Refused]: '不予受理',
  [CaseState.Abandoned]: '视为放弃申请',
  [CaseState.Suspended]: '中止审理',
  [CaseState.DecisionPending]: '决定待审批',
  [CaseState.Decided]: '已作出决定（待送达）',
  [CaseState.Served]: '已送达',
  [CaseState.Terminated]: '已终止',
  [CaseState.Mediated]: '调解结案',
  [CaseState.Archived]: '已归档',
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
  SubmitDecision = 'submit_decision',
  ApproveDecision = 'approve_decision',
  ReturnDecision = 'return_decision',
  CompleteService = 'complete_service',
  Terminate = 'terminate',
  ConcludeMediation = 'conclude_mediation',
  Archive = 'archive',
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
  [CaseAction.SubmitDecision]: '提交决定审批',
  [CaseAction.ApproveDecision]: '批准决定',
  [CaseAction.ReturnDecision]: '退回决定',
  [CaseAction.CompleteService]: '送达完毕',
  [CaseAction.Terminate]: '终止',
  [CaseAction.ConcludeMediation]: '调解结案',
  [CaseAction.Archive]: '归档',
};

/** 'system' is the worker acting on a legal effect (e.g. ARL 30 deemed acceptance). */
export type Performer = Role | 'system';

type Transition = MachineTransition<CaseState, Performer> & { to: CaseState; by: readonly Performer[] };

const REVIEWERS: readonly Performer[] = [Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead];

export const CASE_TRANSITIONS: Record<CaseAction, Transition> = {
  [CaseAction.Accept]: { from: [CaseState.Registered], to: CaseState.Accepted, by: REVIEWERS, article: 'ARL 30' },
  [CaseAction.RequestCorrection]: { from: [CaseState.Registered], to: CaseState.CorrectionRequested, by: REVIEWERS, article: 'ARL 31' },
  [CaseAction.Refuse]: { from: [CaseState.Registered], to: CaseState.Refused, by: REVIEWERS, article: 'ARL 30' },
  // ARL 31 / policy: once the correction is in, a fresh 5-day acceptance review starts.
  [CaseAction.ReceiveCorrection]: { from: [CaseState.CorrectionRequested], to: CaseState.Registered, by: [...REVIEWERS, Role.TownshipClerk], article: 'ARL 31' },
  // ARL 30: not refused within the period = deemed accepted.
  [CaseAction.DeemAccepted]: { from: [CaseState.Registered], to: CaseState.Accepted, by: ['system'], article: 'ARL 30' },
  // ARL 31: correction not made in time without good reason = application abandoned (a clerk confirms).
  [CaseAction.Abandon]: { from: [CaseState.CorrectionRequested], to: CaseState.Abandoned, by: REVIEWERS, article: 'ARL 31' },
  // ARL 39: suspension on one of its grounds; ARL 39 (final paragraph): resumption once the ground is gone.
  [CaseAction.Suspend]: { from: [CaseState.Accepted], to: CaseState.Suspended, by: REVIEWERS, article: 'ARL 39' },
  // ARL 39(1)(6): when mediation fails or a party backs out, the mediator on the file hands the case back (libs/mediation
  // checks the mediator is on the file linked to the case before calling).
  [CaseAction.Resume]: { from: [CaseState.Suspended], to: CaseState.Accepted, by: [...REVIEWERS, Role.Mediator], article: 'ARL 39' },
  [CaseAction.SubmitDecision]: { from: [CaseState.Accepted], to: CaseState.DecisionPending, by: REVIEWERS },
  // Decisions, terminations and mediation settlements are the office head's to approve (domain.md §2).
  [CaseAction.ApproveDecision]: { from: [CaseState.DecisionPending], to: CaseState.Decided, by: [Role.OfficeHead] },
  [CaseAction.ReturnDecision]: { from: [CaseState.DecisionPending], to: CaseState.Accepted, by: [Role.OfficeHead] },
  // ARL 75: effective on service; the case moves on once every applicant has been served.
  [CaseAction.CompleteService]: { from: [CaseState.Decided], to: CaseState.Served, by: REVIEWERS, article: 'ARL 75' },
  [CaseAction.Terminate]: { from: [CaseState.Accepted, CaseState.Suspended], to: CaseState.Terminated, by: [Role.OfficeHead], article: 'ARL 41' },
  [CaseAction.ConcludeMediation]: { from: [CaseState.Accepted, CaseState.Suspended], to: CaseState.Mediated, by: [Role.OfficeHead], article: 'ARL 73' },
  [CaseAction.Archive]: { from: [CaseState.Served, CaseState.Terminated, CaseState.Mediated], to: CaseState.Archived, by: REVIEWERS },
};

export const CASE_MACHINE = new StateMachine<CaseState, CaseAction, Performer>(CASE_TRANSITIONS, {
  forbidden: (action) => new DomainError('CASE_ACTION_FORBIDDEN', `当前角色无权执行"${CASE_ACTION_LABELS[action]}"`, 'forbidden'),
  illegal: (current, action, t) =>
    new DomainError(
      'CASE_ILLEGAL_TRANSITION',
      `案件当前状态为"${CASE_STATE_LABELS[current]}"，不能执行"${CASE_ACTION_LABELS[action]}"`,
      'conflict',
      { state: current, action, ...(t.article ? { article: t.article } : {}) },
    ),
});

/** Decides a transition; throws a 409/403 domain error when it is not allowed. */
export function nextState(current: CaseState, action: CaseAction, by: Performer): CaseState {
  return CASE_MACHINE.decide(current, action, { by: [by] });
}
