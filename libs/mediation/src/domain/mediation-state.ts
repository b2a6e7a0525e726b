import { DomainError, StateMachine, type Transition } from '@fuyi/kernel';

/** Stages of a mediation file (domain.md §6). Plain data, no framework. */
export enum MediationState {
  Referred = 'referred', // 待分配: in the unassigned pool (also after an objection forced reassignment)
  Assigned = 'assigned', // 已分配: the mediator has not taken the file yet (the time limit has not started)
  InProgress = 'in_progress', // 调解中: taken, the mediation time limit runs
  Agreed = 'agreed', // 调解书已签字，待复议机构盖章 (ARL 73: effective when signed by all and sealed)
  WithdrawalPending = 'withdrawal_pending', // 自行纠正/和解/放弃后申请撤回，待机构负责人准予撤回 (ARL 41(1))
  Closed = 'closed', // 化解结案: agreement effective or withdrawal approved
  Failed = 'failed', // 调解不成（含一方反悔）: back to the reconsideration track
}

export const MEDIATION_STATE_LABELS: Record<MediationState, string> = {
  [MediationState.Referred]: '待分配调解员',
  [MediationState.Assigned]: '已分配，待调解员接收',
  [MediationState.InProgress]: '调解中',
  [MediationState.Agreed]: '调解书已签署，待盖章',
  [MediationState.WithdrawalPending]: '待准予撤回',
  [MediationState.Closed]: '已化解结案',
  [MediationState.Failed]: '调解终结（未达成协议）',
};

export enum MediationAction {
  Assign = 'assign',
  Object = 'object',
  Recuse = 'recuse', // objection to one of a pair: the other mediator carries on
  AddMediator = 'add_mediator', // a second mediator joins a file already worked on (e.g. after a recusal)
  Take = 'take',
  Extend = 'extend',
  Schedule = 'schedule',
  Settle = 'settle', // agreement outside a case: effective on signature, closes the file
  SignDocument = 'sign_document', // 调解书 of an accepted case, signed by all: awaits the seal
  RequestWithdrawal = 'request_withdrawal', // self-correction, reconciliation or giving up inside a case
  CloseWithoutCase = 'close_without_case', // self-correction, reconciliation or giving up before/without a case
  Seal = 'seal', // the office head seals the 调解书 or approves the withdrawal
  Fail = 'fail',
  SuspendCase = 'suspend_case', // in-window referral: the case was (deemed) accepted, both consent to suspend
  FollowUp = 'follow_up',
}

export const MEDIATION_ACTION_LABELS: Record<MediationAction, string> = {
  [MediationAction.Assign]: '分配调解员',
  [MediationAction.Object]: '当事人申请回避',
  [MediationAction.Recuse]: '当事人申请回避（另一调解员继续调解）',
  [MediationAction.AddMediator]: '增派调解员',
  [MediationAction.Take]: '接收调解',
  [MediationAction.Extend]: '经同意延长调解期限',
  [MediationAction.Schedule]: '安排调解',
  [MediationAction.Settle]: '达成调解协议',
  [MediationAction.SignDocument]: '调解书签署',
  [MediationAction.RequestWithdrawal]: '申请撤回',
  [MediationAction.CloseWithoutCase]: '化解结案',
  [MediationAction.Seal]: '盖章/准予撤回',
  [MediationAction.Fail]: '调解终结',
  [MediationAction.SuspendCase]: '经同意中止复议案件',
  [MediationAction.FollowUp]: '回访履行情况',
};

/**
 * Who acts: the centre's coordinator (a mediator profile flag), a mediator currently on the file, the office head
 * (seals 调解书 and approves withdrawals, ARL 73 / 41(1)), and district reconsideration roles (suspend a case, ARL 39).
 */
export type MediationPerformer = 'coordinator' | 'file_mediator' | 'office_head' | 'district';

type Move = Transition<MediationState, MediationPerformer> & { to: MediationState | 'same'; by: readonly MediationPerformer[] };

const S = MediationState;
const WORKING = [S.Assigned, S.InProgress] as const;

export const MEDIATION_TRANSITIONS: Record<MediationAction, Move> = {
  [MediationAction.Assign]: { from: [S.Referred], to: S.Assigned, by: ['coordinator', 'office_head'] },
  // A party's objection forces reassignment: the file goes back to the pool with the reason recorded.
  [MediationAction.Object]: { from: WORKING, to: S.Referred, by: ['coordinator', 'office_head', 'file_mediator'] },
  // Objection to one of two mediators: only that one stands aside, the file stays with the other in its state.
  [MediationAction.Recuse]: { from: WORKING, to: 'same', by: ['coordinator', 'office_head', 'file_mediator'] },
  [MediationAction.AddMediator]: { from: WORKING, to: 'same', by: ['coordinator', 'office_head'] },
  [MediationAction.Take]: { from: [S.Assigned], to: S.InProgress, by: ['file_mediator'] },
  [MediationAction.Extend]: { from: [S.InProgress], to: 'same', by: ['file_mediator'] },
  [MediationAction.Schedule]: { from: WORKING, to: 'same', by: ['file_mediator'] },
  [MediationAction.Settle]: { from: [S.InProgress], to: S.Closed, by: ['file_mediator'] },
  [MediationAction.SignDocument]: { from: [S.InProgress], to: S.Agreed, by: ['file_mediator'] },
  [MediationAction.RequestWithdrawal]: { from: [S.InProgress], to: S.WithdrawalPending, by: ['file_mediator'] },
  [MediationAction.CloseWithoutCase]: { from: [S.InProgress], to: S.Closed, by: ['file_mediator'] },
  [MediationAction.Seal]: { from: [S.Agreed, S.WithdrawalPending], to: S.Closed, by: ['office_head'], article: 'ARL 73 / ARL 41(1)' },
  // Failure, or a party backing out before the agreement takes effect (before the seal / the approved withdrawal).
  [MediationAction.Fail]: { from: [S.Referred, S.Assigned, S.InProgress, S.Agreed, S.WithdrawalPending], to: S.Failed, by: ['file_mediator', 'coordinator', 'office_head'] },
  [MediationAction.SuspendCase]: { from: [S.Referred, S.Assigned, S.InProgress], to: 'same', by: ['district', 'office_head'], article: 'ARL 39' },
  [MediationAction.FollowUp]: { from: [S.Closed], to: 'same', by: ['file_mediator', 'coordinator'] },
};

export const MEDIATION_MACHINE = new StateMachine<MediationState, MediationAction, MediationPerformer>(MEDIATION_TRANSITIONS, {
  forbidden: (action) => new DomainError('MEDIATION_ACTION_FORBIDDEN', `当前用户无权执行"${MEDIATION_ACTION_LABELS[action]}"`, 'forbidden'),
  illegal: (current, action, t) =>
    new DomainError(
      'MEDIATION_ILLEGAL_TRANSITION',
      `调解案件当前状态为"${MEDIATION_STATE_LABELS[current]}"，不能执行"${MEDIATION_ACTION_LABELS[action]}"`,
      'conflict',
      { state: current, action, ...(t.article ? { article: t.article } : {}) },
    ),
});

/** Decides a move; throws 403 when none of the actor's capacities may perform it, 409 with the state when illegal. */
export function nextMediationState(current: MediationState, action: MediationAction, capacities: readonly MediationPerformer[]): MediationState {
  return MEDIATION_MACHINE.decide(current, action, { by: capacities });
}
