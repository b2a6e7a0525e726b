import { DISTRICT_CASE_ROLES, Role } from '@fuyi/kernel';
import { CASE_ACTION_LABELS, CASE_TRANSITIONS, CaseAction, CaseState } from './case-state';
import { ownershipRefusal, sameApproverRefusal } from './case-ownership';

/**
 * What may be done to a case through the API (issue 11 item 5): one table for the services' guards (states and roles of
 * each operation) and for the `allowedActions` a case response carries, so that the console shows only what the server
 * will accept and never re-implements the rules. Plain data, no framework.
 *
 * An operation backed by the state machine takes its states and roles from CASE_TRANSITIONS (narrowed to the roles its
 * route admits); the others name theirs here, and the services read them from this table (`CASE_OPERATIONS.x.states`).
 * `when` mirrors what the service refuses besides state and role (a pending request, four eyes, ARL 49-50…), read from
 * the case's record (CaseFacts). What depends only on the request body (a date, a ground, a party) is not judged here.
 */
export enum CaseOp {
  Accept = 'accept',
  RequestCorrection = 'request_correction',
  Refuse = 'refuse',
  ReceiveCorrection = 'receive_correction',
  Abandon = 'abandon',
  Assign = 'assign',
  Suspend = 'suspend',
  Resume = 'resume',
  CopySent = 'copy_sent',
  ReplyReceived = 'reply_received',
  AddParty = 'add_party',
  NotifyParty = 'notify_party',
  ScheduleHearing = 'schedule_hearing',
  WaiveHearing = 'waive_hearing',
  CommitteeOpinion = 'committee_opinion',
  ConvertToOrdinary = 'convert_to_ordinary',
  RequestExtension = 'request_extension',
  ReturnExtension = 'return_extension',
  Extend = 'extend',
  RequestTermination = 'request_termination',
  ReturnTermination = 'return_termination',
  Terminate = 'terminate',
  SubmitDecision = 'submit_decision',
  ApproveDecision = 'approve_decision',
  ReturnDecision = 'return_decision',
  RecordService = 'record_service',
  ConcludeMediation = 'conclude_mediation',
  Publish = 'publish',
  WithdrawPublication = 'withdraw_publication',
  Archive = 'archive',
  ReissueQueryCode = 'reissue_query_code',
  UploadFile = 'upload_file',
  UploadDocumentVersion = 'upload_document_version',
  DownloadPackage = 'download_package',
}

/** What the record says besides the state, as far as an operation's guard reads it (CaseQueriesService.facts). */
export interface CaseFacts {
  state: CaseState;
  procedure: string | null;
  handlerId: string | null;
  /** ARL 31: the correction notice was sent (once only). */
  correctionNotified: boolean;
  /** ARL 31: the applicant's correction period ran out (a clerk may confirm the abandonment). */
  correctionLapsed: boolean;
  /** Pending approval requests by kind: who submitted each. */
  pendingRequests: { extension?: string; termination?: string };
  /** ARL 62: the decision period was extended already (once only). */
  decisionExtended: boolean;
  /** Who submitted the decision awaiting approval. */
  decisionSubmittedBy: string | null;
  /** ARL 49-50: the parties were heard (or the reason recorded) and a mandatory formal hearing held (or its reason). */
  readyToDecide: boolean;
  /** ARL 79: a live publication of the decision. */
  published: boolean;
  /** ALL 45: the lawsuit window still runs (no archive before it ends). */
  lawsuitWindowOpen: boolean;
  /** Parties not yet served with the decision. */
  unservedParties: number;
}

export interface CaseActor {
  userId: string;
  role: Role;
}

export interface CaseOperation {
  label: string;
  /** The article the step rests on, as the confirmation cites it. */
  article?: string;
  roles: readonly Role[];
  states: readonly CaseState[];
  /** Besides state and role (and the handler rule), what the service also requires of the record. */
  when?: (f: CaseFacts, a: CaseActor) => boolean;
  /** Counter work any intake clerk does for the applicant in front of them: not bound to the case's handler. */
  counter?: boolean;
  /** A read (issue 18: the case file's package): gated by scope, like every GET of a case, not by the handler rule. */
  read?: boolean;
}

const S = CaseState;
const OPEN = [S.Accepted, S.Suspended] as const;
const DECIDED = [S.Decided, S.Served, S.Archived] as const;
const HEAD = [Role.OfficeHead] as const;
const CHIEFS = [Role.SectionChief, Role.OfficeHead] as const;
const INTAKE_ROLES = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES] as const;
/** Issue 18: the case file takes materials until it is archived; the archived file is closed (its package is the record). */
const FILE_OPEN = Object.values(CaseState).filter((s) => s !== S.Archived);
/** Issue 18 item 6: a case the office has finished with (closed at intake, served, terminated, mediated) or archived. */
const CLOSED = [S.Refused, S.Abandoned, S.Served, S.Terminated, S.Mediated, S.Archived] as const;
const AT_INTAKE: readonly CaseState[] = [S.Registered, S.CorrectionRequested];

/** A state-machine move: its states, and the roles both the machine and the route admit. */
function move(action: CaseAction, routeRoles: readonly Role[], x: Omit<CaseOperation, 'roles' | 'states' | 'label'> & { label?: string } = {}): CaseOperation {
  const t = CASE_TRANSITIONS[action];
  return { label: x.label ?? CASE_ACTION_LABELS[action], ...x, states: t.from, roles: routeRoles.filter((r) => t.by.includes(r)) };
}

/** Four eyes, as sameApproverRefusal judges it: a known submitter who is not the approver (unknown: refused). */
const otherThan = (submittedBy: string | null | undefined, a: CaseActor) => !sameApproverRefusal(a, submittedBy, '');

export const CASE_OPERATIONS: Record<CaseOp, CaseOperation> = {
  [CaseOp.Accept]: move(CaseAction.Accept, DISTRICT_CASE_ROLES, { article: '《行政复议法》第三十条' }),
  [CaseOp.RequestCorrection]: move(CaseAction.RequestCorrection, DISTRICT_CASE_ROLES, {
    article: '《行政复议法》第三十一条', when: (f) => !f.correctionNotified,
  }),
  [CaseOp.Refuse]: move(CaseAction.Refuse, DISTRICT_CASE_ROLES, { article: '《行政复议法》第三十条' }),
  [CaseOp.ReceiveCorrection]: move(CaseAction.ReceiveCorrection, INTAKE_ROLES, { article: '《行政复议法》第三十一条' }),
  [CaseOp.Abandon]: move(CaseAction.Abandon, DISTRICT_CASE_ROLES, { label: '确认视为放弃申请', article: '《行政复议法》第三十一条', when: (f) => f.correctionLapsed }),
  [CaseOp.Assign]: { label: '分配承办人', roles: CHIEFS, states: OPEN },
  [CaseOp.Suspend]: move(CaseAction.Suspend, DISTRICT_CASE_ROLES, { label: '中止审理', article: '《行政复议法》第三十九条' }),
  [CaseOp.Resume]: move(CaseAction.Resume, DISTRICT_CASE_ROLES, { article: '《行政复议法》第三十九条' }),
  [CaseOp.CopySent]: { label: '记录发送申请书副本', article: '《行政复议法》第四十八条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.ReplyReceived]: { label: '记录被申请人答复', article: '《行政复议法》第四十八条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.AddParty]: { label: '追加第三人或代理人', article: '《行政复议法》第十六条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.NotifyParty]: { label: '记录通知第三人', article: '《行政复议法》第十六条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.ScheduleHearing]: { label: '安排听取意见或听证', article: '《行政复议法》第四十九条至第五十一条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.WaiveHearing]: { label: '记录不能听取意见或未举行听证的原因', article: '《行政复议法》第四十九条、第五十一条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.CommitteeOpinion]: { label: '记录咨询委员会意见', article: '《行政复议法》第五十二条', roles: DISTRICT_CASE_ROLES, states: OPEN },
  [CaseOp.ConvertToOrdinary]: {
    label: '批准转为普通程序', article: '《行政复议法》第五十五条', roles: HEAD, states: [S.Accepted], when: (f) => f.procedure === 'simplified',
  },
  [CaseOp.RequestExtension]: {
    label: '申请延长审理期限', article: '《行政复议法》第六十二条', roles: DISTRICT_CASE_ROLES, states: OPEN,
    when: (f) => f.procedure === 'ordinary' && !f.decisionExtended && !f.pendingRequests.extension,
  },
  [CaseOp.ReturnExtension]: { label: '退回延长审理期限申请', roles: HEAD, states: OPEN, when: (f) => !!f.pendingRequests.extension },
  [CaseOp.Extend]: {
    label: '批准延长审理期限', article: '《行政复议法》第六十二条', roles: HEAD, states: OPEN,
    when: (f, a) => f.procedure === 'ordinary' && otherThan(f.pendingRequests.extension, a),
  },
  [CaseOp.RequestTermination]: {
    label: '申请终止行政复议', article: '《行政复议法》第四十一条', roles: DISTRICT_CASE_ROLES, states: OPEN, when: (f) => !f.pendingRequests.termination,
  },
  [CaseOp.ReturnTermination]: { label: '退回终止行政复议申请', roles: HEAD, states: OPEN, when: (f) => !!f.pendingRequests.termination },
  [CaseOp.Terminate]: move(CaseAction.Terminate, HEAD, {
    label: '批准终止行政复议', article: '《行政复议法》第四十一条', when: (f, a) => otherThan(f.pendingRequests.termination, a),
  }),
  [CaseOp.SubmitDecision]: move(CaseAction.SubmitDecision, DISTRICT_CASE_ROLES, {
    article: '《行政复议法》第六十三条至第七十二条', when: (f) => f.readyToDecide,
  }),
  [CaseOp.ApproveDecision]: move(CaseAction.ApproveDecision, HEAD, {
    article: '《行政复议法》第七十五条', when: (f, a) => f.readyToDecide && otherThan(f.decisionSubmittedBy, a),
  }),
  [CaseOp.ReturnDecision]: move(CaseAction.ReturnDecision, HEAD, { label: '退回决定稿' }),
  [CaseOp.RecordService]: {
    label: '记录送达', article: '《行政复议法》第七十五条', roles: DISTRICT_CASE_ROLES, states: [S.Decided, S.Served, S.Terminated, S.Mediated],
    when: (f) => f.unservedParties > 0,
  },
  [CaseOp.ConcludeMediation]: move(CaseAction.ConcludeMediation, HEAD, { article: '《行政复议法》第七十三条' }),
  [CaseOp.Publish]: { label: '公开决定书', article: '《行政复议法》第七十九条', roles: HEAD, states: DECIDED },
  [CaseOp.WithdrawPublication]: { label: '撤回公开的决定书', roles: HEAD, states: DECIDED, when: (f) => f.published },
  [CaseOp.Archive]: move(CaseAction.Archive, DISTRICT_CASE_ROLES, { when: (f) => !f.lawsuitWindowOpen }),
  [CaseOp.ReissueQueryCode]: { label: '补发查询码', roles: INTAKE_ROLES, states: Object.values(CaseState), counter: true },
  // Issue 18: a township clerk hands in what the applicant brings to the counter while the application is in review
  // (待受理审查, 待补正); from acceptance on, the case's handler, a chief or the head adds materials, until archiving.
  [CaseOp.UploadFile]: {
    label: '上传材料', roles: INTAKE_ROLES, states: FILE_OPEN, when: (f, a) => a.role !== Role.TownshipClerk || AT_INTAKE.includes(f.state),
  },
  // Issue 18 item 6: an issued document's signed and sealed scan, or a corrected file, is the office's own work.
  [CaseOp.UploadDocumentVersion]: { label: '上传文书签章版或更正版', roles: DISTRICT_CASE_ROLES, states: FILE_OPEN },
  [CaseOp.DownloadPackage]: { label: '下载案卷（含卷内目录）', roles: DISTRICT_CASE_ROLES, states: CLOSED, read: true },
};

export interface AllowedAction {
  action: CaseOp;
  label: string;
  article?: string;
}

/** Whether `op` may be done now, as the route's guard, the handler rule and the service see it. */
export function caseOperationAllowed(op: CaseOp, actor: CaseActor, f: CaseFacts): boolean {
  const o = CASE_OPERATIONS[op];
  if (!o.roles.includes(actor.role) || !o.states.includes(f.state)) return false;
  if (!o.counter && !o.read && ownershipRefusal(actor, { state: f.state, handlerId: f.handlerId })) return false;
  return !o.when || o.when(f, actor);
}

/** The case's `allowedActions` for this user, in the table's order. */
export function allowedCaseActions(actor: CaseActor, f: CaseFacts): AllowedAction[] {
  return (Object.keys(CASE_OPERATIONS) as CaseOp[])
    .filter((op) => caseOperationAllowed(op, actor, f))
    .map((op) => ({ action: op, label: CASE_OPERATIONS[op].label, ...(CASE_OPERATIONS[op].article ? { article: CASE_OPERATIONS[op].article } : {}) }));
}
