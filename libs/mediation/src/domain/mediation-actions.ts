import { DISTRICT_CASE_ROLES, Role } from '@fuyi/kernel';
import { MEDIATION_TRANSITIONS, MediationAction, MediationState, type MediationPerformer } from './mediation-state';

/**
 * What may be done to a mediation file through the API (issue 11 item 5): one table for the routes' roles and the
 * `allowedActions` of a file. Each operation is a move of the state machine (MEDIATION_TRANSITIONS gives its states
 * and the capacities that may make it: coordinator, mediator on the file, office head, district); `when` mirrors what
 * the service also refuses from the record (the linked case's stage, a second mediator at most, a follow-up only of an
 * agreement). Plain data, no framework.
 */
export enum MediationOp {
  Assign = 'assign',
  AddMediator = 'add_mediator',
  Object = 'object',
  Take = 'take',
  Extend = 'extend',
  ScheduleSession = 'schedule_session',
  SuspendCase = 'suspend_case',
  RecordAgreement = 'record_agreement',
  RecordWithdrawal = 'record_withdrawal',
  RecordFailure = 'record_failure',
  Seal = 'seal',
  FollowUp = 'follow_up',
}

/** What the record says besides the file's state (MediationQueriesService reads it with the file). */
export interface MediationFacts {
  state: MediationState;
  /** The caller's capacities on this file (capacitiesOf). */
  capacities: readonly MediationPerformer[];
  /** Mediators currently on the file. */
  mediators: number;
  /** The linked case's state (also the case a pre-filing applicant filed since), null without one. */
  caseState: string | null;
  /** The file already suspended its case (ARL 39(1)(6)). */
  caseSuspended: boolean;
  outcome: string | null;
}

export interface MediationOperation {
  label: string;
  article?: string;
  /** The moves behind it (an outcome is one of two moves depending on whether a case is linked). */
  moves: readonly MediationAction[];
  /** Who may call the route. */
  roles: readonly Role[];
  when?: (f: MediationFacts) => boolean;
}

const CENTRE: readonly Role[] = [Role.Mediator, Role.OfficeHead];
const MEDIATOR: readonly Role[] = [Role.Mediator];
/** An outcome inside a case needs it accepted or suspended; without a case it takes effect on its own. */
const outcomeFits = (f: MediationFacts) => f.caseState === null || f.caseState === 'accepted' || f.caseState === 'suspended';

export const MEDIATION_OPERATIONS: Record<MediationOp, MediationOperation> = {
  [MediationOp.Assign]: { label: '指派调解员', moves: [MediationAction.Assign], roles: CENTRE },
  [MediationOp.AddMediator]: { label: '增派调解员', moves: [MediationAction.AddMediator], roles: CENTRE, when: (f) => f.mediators < 2 },
  [MediationOp.Object]: { label: '当事人申请回避', moves: [MediationAction.Object, MediationAction.Recuse], roles: CENTRE },
  [MediationOp.Take]: { label: '接收调解', moves: [MediationAction.Take], roles: MEDIATOR },
  [MediationOp.Extend]: { label: '经同意延长调解期限', moves: [MediationAction.Extend], roles: MEDIATOR },
  [MediationOp.ScheduleSession]: { label: '安排调解', moves: [MediationAction.Schedule], roles: MEDIATOR },
  [MediationOp.SuspendCase]: {
    label: '经同意中止复议案件', article: '《行政复议法》第三十九条第一款第六项', moves: [MediationAction.SuspendCase], roles: DISTRICT_CASE_ROLES,
    when: (f) => f.caseState === 'accepted' && !f.caseSuspended,
  },
  [MediationOp.RecordAgreement]: {
    label: '记录达成调解协议', article: '《行政复议法》第七十三条', moves: [MediationAction.Settle, MediationAction.SignDocument], roles: CENTRE, when: outcomeFits,
  },
  [MediationOp.RecordWithdrawal]: {
    label: '记录自行纠正、和解或放弃（撤回）', article: '《行政复议法》第七十四条', moves: [MediationAction.RequestWithdrawal, MediationAction.CloseWithoutCase],
    roles: CENTRE, when: outcomeFits,
  },
  [MediationOp.RecordFailure]: { label: '调解终结（调解不成或反悔）', moves: [MediationAction.Fail], roles: CENTRE },
  [MediationOp.Seal]: { label: '调解书盖章或准予撤回', article: '《行政复议法》第七十三条、第四十一条', moves: [MediationAction.Seal], roles: [Role.OfficeHead] },
  [MediationOp.FollowUp]: { label: '回访履行情况', moves: [MediationAction.FollowUp], roles: MEDIATOR, when: (f) => f.outcome === 'agreement' },
};

/** Whether the move admits the state and one of the caller's capacities (the machine's own test, nextMediationState). */
function moveAdmits(action: MediationAction, f: MediationFacts): boolean {
  const mv = MEDIATION_TRANSITIONS[action];
  return mv.from.includes(f.state) && f.capacities.some((c) => mv.by.includes(c));
}

export function mediationOperationAllowed(op: MediationOp, role: Role, f: MediationFacts): boolean {
  const o = MEDIATION_OPERATIONS[op];
  return o.roles.includes(role) && o.moves.some((a) => moveAdmits(a, f)) && (!o.when || o.when(f));
}

/**
 * Issue 18 item 1: a mediation file takes materials (an agreement, a session record, a party's papers) from whoever sees
 * it with one of these roles, in every state — the file's own scope (fileScope: a mediator sees the files assigned to
 * them) decides the rest. The upload route (libs/files, POST /mediation/files/:id/materials) and the file's
 * `allowedActions` both read this list.
 */
export const MEDIATION_FILE_WRITE: readonly Role[] = [...DISTRICT_CASE_ROLES, Role.Mediator, Role.LiaisonOfficer];
/** The upload entry of a file's `allowedActions`: not a move of the state machine (the file's version does not change). */
export const MEDIATION_UPLOAD_ACTION = 'upload_file';
export type MediationUploadAction = typeof MEDIATION_UPLOAD_ACTION;

/** A file's `allowedActions` for this user, in the table's order, then the upload entry. */
export function allowedMediationActions(role: Role, f: MediationFacts): Array<{ action: MediationOp | MediationUploadAction; label: string; article?: string }> {
  const moves: Array<{ action: MediationOp | MediationUploadAction; label: string; article?: string }> = (Object.keys(MEDIATION_OPERATIONS) as MediationOp[])
    .filter((op) => mediationOperationAllowed(op, role, f))
    .map((op) => ({ action: op, label: MEDIATION_OPERATIONS[op].label, ...(MEDIATION_OPERATIONS[op].article ? { article: MEDIATION_OPERATIONS[op].article } : {}) }));
  return MEDIATION_FILE_WRITE.includes(role) ? [...moves, { action: MEDIATION_UPLOAD_ACTION, label: '上传材料' }] : moves;
}
