import { CASE_OPERATIONS } from '@fuyi/cases';
import { LIAISON_UPLOAD_ACTION, LetterAction, NoticeAction } from '@fuyi/liaison';
import { MEDIATION_UPLOAD_ACTION, MediationOp } from '@fuyi/mediation';
import { any, arr, bool, date, instant, int, nul, obj, oneOfStr, ref, str, uuid, type S } from './schema';
import { documentSummary, mediationFileSummaryFields } from './responses/shared';

/**
 * The resources a client acts on (issue 11 item 5): a case, a mediation file, a risk notice, a letter. The detail GET and
 * every change answer the same named schema (one type in the generated client), with `version` and `allowedActions`;
 * a change may add what it produced (`resourceAfter`). Registered once under components.schemas (SHARED_SCHEMAS).
 */

/** What the caller may do next: the console renders a button per item with the label, and confirms citing the article. */
export const allowedActions = (actions: readonly string[]): S => ({
  type: 'array',
  description: '当前用户此刻可以执行的操作（依状态、角色、承办关系和审批规则由服务端计算）；客户端据此显示按钮，不自行判断',
  items: obj(
    { action: oneOfStr(...actions), label: str },
    { article: { type: 'string', description: '依据条文，供确认提示引用', example: '《行政复议法》第三十九条' } },
  ),
});

/** A case's `allowedActions` (libs/cases domain/case-actions.ts): on the case resource and on every list row of cases. */
export const caseAllowedActions: S = allowedActions(Object.keys(CASE_OPERATIONS).sort());

/** A case event's data: its fields depend on the event type (registration, suspension, escalation…). */
const eventData: S = { type: 'object', description: '事件数据，字段随事件类型而不同' };

const caseResource: S = obj({
  id: uuid,
  caseNumber: str,
  state: str,
  stateLabel: str,
  version: int,
  procedure: nul(str),
  simplifiedReason: nul(str),
  townshipId: nul(int),
  township: nul(str),
  channel: str,
  receiptAt: instant,
  // null once the acceptance review is over
  acceptanceDue: nul(date),
  acceptedOn: nul(date),
  handlerId: nul(uuid),
  respondentDepartmentId: int,
  respondent: str,
  category: str,
  act: obj({ type: str, documentNumber: nul(str), date: nul(date), knownDate: date, project: nul(str), place: nul(str) }),
  requests: str,
  factsReasons: str,
  materials: arr(obj({ name: str, copies: int })),
  reviewOutcome: nul(any),
  // A change answers with personal data masked: the full values are read (and audited) through the detail GET.
  personalDataMasked: bool,
  parties: arr(
    obj({
      id: uuid,
      role: str,
      kind: str,
      name: str,
      idNumber: nul(str),
      phone: nul(str),
      address: nul(str),
      creditCode: nul(str),
      legalRepresentative: nul(str),
    }),
  ),
  timeline: arr(obj({ id: str, at: instant, type: str, actorId: nul(uuid), data: eventData })),
  allowedActions: caseAllowedActions,
  risks: {
    type: 'array',
    description: '提示审查人员注意的法律风险（仅提示，不阻止办理），如被申请人答复未附证据（第七十条）',
    items: obj({ code: oneOfStr('ARL70_NO_EVIDENCE', 'ARL70_EVIDENCE_LATE'), message: str, article: str }),
  },
});

/** A risk notice (libs/liaison LiaisonQueriesService.notice). */
const riskNoticeResource: S = obj({
  id: uuid,
  title: str,
  summary: str,
  reasons: arr(str),
  suggestions: arr(str),
  responseDays: int,
  state: str,
  version: int,
  rejectionNote: nul(str),
  sentOn: nul(date),
  closedOn: nul(date),
  closingNote: nul(str),
  createdAt: instant,
  /** The group-dispute cluster it was drafted from, if any. */
  clusterId: nul(uuid),
  stateLabel: str,
  recipients: arr(
    obj({
      departmentId: int,
      department: str,
      sentOn: nul(date),
      dueFrom: nul(date),
      dueOn: nul(date),
      dueProvisional: bool,
      dueExplanation: nul(arr(str)),
      acknowledgedOn: nul(date),
      responseOn: nul(date),
      response: nul(str),
      overdue: nul(bool),
    }),
  ),
  // caseNumber: null for a linked consultation.
  links: arr(obj({ kind: str, id: uuid, caseNumber: nul(str) })),
  documents: arr(documentSummary),
  allowedActions: allowedActions([...Object.values(NoticeAction), LIAISON_UPLOAD_ACTION]),
});

/** An opinion or suggestion letter (libs/liaison LiaisonQueriesService.letter). */
const letterResource: S = obj({
  id: uuid,
  kind: str,
  caseId: nul(uuid),
  caseNumber: nul(str),
  recipientDepartmentId: int,
  recipient: str,
  problems: arr(str),
  recommendations: arr(str),
  state: str,
  version: int,
  issuedOn: nul(date),
  receivedOn: nul(date),
  feedbackDue: nul(date),
  feedbackDueProvisional: bool,
  feedbackDueExplanation: nul(arr(str)),
  feedbackOn: nul(date),
  feedback: nul(str),
  correctionsReported: nul(any),
  escalatedAt: nul(instant),
  closedOn: nul(date),
  stateLabel: str,
  documents: arr(documentSummary),
  allowedActions: allowedActions([...Object.values(LetterAction), LIAISON_UPLOAD_ACTION]),
});

/** A mediation file (libs/mediation MediationQueriesService.get). */
const mediationFileResource: S = obj({
  ...mediationFileSummaryFields,
  consultationId: nul(uuid),
  courtReference: nul(str),
  applicantWants: str,
  actKnownDate: nul(date),
  takenOn: nul(date),
  extensionDays: int,
  caseSuspendedFrom: nul(date),
  outcomeOn: nul(date),
  // What the mediator recorded with the outcome.
  outcomeDetail: nul(obj({ kind: str, summary: str, recordedBy: uuid, recordedOn: date })),
  followUp: nul(obj({ checkOn: date, performed: bool, result: str }, { by: uuid })),
  linkedCase: nul(obj({ caseId: uuid, caseNumber: str, state: str, stateLabel: str, version: int })),
  parties: arr(obj({ id: uuid, role: str, name: str, phone: nul(str) })),
  mediators: arr(
    obj({
      userId: uuid,
      displayName: str,
      assignedAt: instant,
      current: bool,
      endReason: nul(str),
      objection: nul(obj({ reason: str, partyRole: str })),
    }),
  ),
  allowedActions: allowedActions([...Object.values(MediationOp), MEDIATION_UPLOAD_ACTION]),
});

/** Named schemas shared by several operations. */
export const SHARED_SCHEMAS: Record<string, S> = {
  CaseResource: caseResource,
  RiskNoticeResource: riskNoticeResource,
  LetterResource: letterResource,
  MediationFileResource: mediationFileResource,
};

export const CASE_RESOURCE = ref('CaseResource');

/** A change's answer: the resource as it now is, plus what the change produced (a due date, an id, a warning). */
export function resourceAfter(resource: S, produced?: S): S {
  return produced ? ({ allOf: [resource, produced] } as S) : resource;
}

export const caseAfter = (produced?: S): S => resourceAfter(CASE_RESOURCE, produced);

export const NOTICE_RESOURCE = ref('RiskNoticeResource');
export const noticeAfter = (produced?: S): S => resourceAfter(NOTICE_RESOURCE, produced);
export const LETTER_RESOURCE = ref('LetterResource');
export const letterAfter = (produced?: S): S => resourceAfter(LETTER_RESOURCE, produced);
export const MEDIATION_FILE_RESOURCE = ref('MediationFileResource');
export const fileAfter = (produced?: S): S => resourceAfter(MEDIATION_FILE_RESOURCE, produced);
