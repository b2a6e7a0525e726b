import { any, arr, bool, date, instant, int, nul, obj, page, str, uuid, type ResponseRegistry } from '../schema';
import { LawsuitAction } from '@fuyi/liaison';
import { allowedActions, LETTER_RESOURCE, letterAfter, NOTICE_RESOURCE, noticeAfter } from '../resources';

/** A court hearing of a lawsuit, and whether the respondent's head appeared (ALL 3). */
const courtHearing = obj({ kind: str, note: nul(str), heldOn: date, headAppeared: bool });

/** A lawsuit (libs/liaison liaison-queries.service.ts LAWSUIT_COLUMNS): after a decision, or direct against a department. */
const lawsuitFields = {
  id: uuid,
  caseId: nul(uuid),
  caseNumber: nul(str),
  court: str,
  courtCaseNumber: str,
  filedOn: date,
  coDefendant: bool,
  hearings: arr(courtHearing),
  headAppeared: bool,
  judgmentKind: nul(str),
  judgmentOn: nul(date),
  judgmentSummary: nul(str),
  version: int,
  origin: str,
  defendantDepartmentId: nul(int),
  defendant: nul(str),
  plaintiffs: arr(str),
  act: nul(str),
  complaintReceivedOn: nul(date),
  defenceDue: nul(date),
  defenceDueProvisional: bool,
  defenceDueExplanation: nul(arr(str)),
  defenceSubmittedOn: nul(date),
  judgmentLabel: nul(str),
  upholdsDecision: nul(bool),
};
const lawsuit = obj(lawsuitFields);

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.
export const LIAISON_RESPONSES: ResponseRegistry = {
  // POST /api/liaison/lawsuits/{id}/complaint-received (1 e2e samples)
  lawsuits_complaintReceived: {
    200: obj({
      id: uuid,
      version: int,
      complaintReceivedOn: date,
      defenceDue: date,
      defenceDueProvisional: bool,
      defenceDueExplanation: arr(str),
    }),
  },
  // POST /api/liaison/lawsuits/{id}/defence (1 e2e samples)
  lawsuits_defenceSubmitted: { 200: obj({ id: uuid, version: int, defenceSubmittedOn: date, defenceDue: date, onTime: bool }) },
  // GET /api/liaison/lawsuits/{id} (5 e2e samples)
  lawsuits_get: {
    200: obj({ ...lawsuitFields, defenceOverdue: bool, allowedActions: allowedActions(Object.values(LawsuitAction)) }),
  },
  // POST /api/liaison/lawsuits/{id}/hearings (9 e2e samples)
  lawsuits_hearing: {
    200: obj({
      id: uuid,
      version: int,
      hearings: arr(courtHearing),
      headAppeared: bool,
    }),
  },
  // POST /api/liaison/lawsuits/{id}/judgment (4 e2e samples)
  lawsuits_judgment: { 200: obj({ id: uuid, version: int, judgmentKind: str, upholdsDecision: bool }) },
  // GET /api/cases/{id}/litigation (6 e2e samples)
  lawsuits_litigation: {
    200: obj({
      caseId: uuid,
      caseNumber: str,
      decisionType: nul(str),
      lawsuitWindow: nul(obj({ start: date, due: date, open: bool })),
      lawsuits: arr(lawsuit),
      letters: arr(any),
    }),
  },
  // POST /api/liaison/lawsuits (10 e2e samples)
  lawsuits_record: { 201: obj({ id: uuid, version: int, caseId: uuid, caseNumber: str, coDefendant: bool, against: str }) },
  // POST /api/liaison/lawsuits/direct (3 e2e samples)
  lawsuits_recordDirect: {
    201: obj({
      id: uuid,
      version: int,
      origin: str,
      caseId: nul(uuid),
      defendantDepartmentId: nul(int),
      defendant: str,
      defenceDue: nul(date),
      defenceDueProvisional: bool,
    }),
  },
  // PATCH /api/liaison/lawsuits/{id}/hearings/{index} (2 e2e samples)
  lawsuits_updateHearing: {
    200: obj({
      id: uuid,
      version: int,
      hearings: arr(obj({ kind: str, note: nul(str), heldOn: date, headAppeared: bool })),
      headAppeared: bool,
    }),
  },
  // POST /api/liaison/letters/{id}/close (2 e2e samples)
  letters_close: { 200: letterAfter() },
  // POST /api/liaison/letters (13 e2e samples)
  letters_create: { 201: letterAfter() },
  // POST /api/liaison/letters/{id}/feedback (4 e2e samples)
  letters_feedback: { 200: letterAfter(obj({ onTime: bool })) },
  // GET /api/liaison/letters/{id} (10 e2e samples)
  letters_get: { 200: LETTER_RESOURCE },
  // POST /api/liaison/letters/{id}/issue (8 e2e samples)
  letters_issue: { 200: letterAfter(obj({ documentId: uuid, documentNumber: str })) },
  // GET /api/liaison/letters (2 e2e samples)
  letters_list: {
    200: page(
      obj({
        id: uuid,
        kind: str,
        state: str,
        version: int,
        caseId: nul(uuid),
        recipient: str,
        feedbackDue: nul(date),
        feedbackDueProvisional: bool,
        escalatedAt: nul(instant),
      }),
    ),
  },
  // POST /api/liaison/letters/{id}/receive (6 e2e samples)
  letters_receive: { 200: letterAfter() },
  // PUT /api/liaison/letters/{id} (6 e2e samples)
  letters_update: { 200: letterAfter() },
  // POST /api/liaison/risk-notices/{id}/acknowledge (4 e2e samples)
  riskNotices_acknowledge: { 200: noticeAfter() },
  // POST /api/liaison/risk-notices/{id}/approve (10 e2e samples)
  riskNotices_approve: { 200: noticeAfter() },
  // POST /api/liaison/risk-notices/{id}/close (4 e2e samples)
  riskNotices_close: { 200: noticeAfter() },
  // POST /api/liaison/risk-notices (13 e2e samples)
  riskNotices_create: { 201: noticeAfter() },
  // GET /api/liaison/risk-notices/{id} (5 e2e samples)
  riskNotices_get: { 200: NOTICE_RESOURCE },
  // GET /api/liaison/risk-notices (2 e2e samples)
  riskNotices_list: {
    200: page(
      obj({
        id: uuid,
        title: str,
        state: str,
        version: int,
        sentOn: nul(date),
        nextDue: nul(date),
        dueProvisional: bool,
        recipients: int,
        responded: int,
      }),
    ),
  },
  // POST /api/liaison/risk-notices/{id}/reject (4 e2e samples)
  riskNotices_reject: { 200: noticeAfter() },
  // POST /api/liaison/risk-notices/{id}/response (6 e2e samples)
  riskNotices_respond: { 200: noticeAfter() },
  // POST /api/liaison/risk-notices/{id}/send (8 e2e samples)
  riskNotices_send: { 200: noticeAfter(obj({ dueOn: date, dueProvisional: bool, documentId: uuid, documentNumber: str })) },
  // POST /api/liaison/risk-notices/{id}/submit (12 e2e samples)
  riskNotices_submit: { 200: noticeAfter() },
  // PUT /api/liaison/risk-notices/{id} (6 e2e samples)
  riskNotices_update: { 200: noticeAfter() },
  // Written from the service (not reached by the e2e suite).
  lawsuits_update: { 200: obj({ id: uuid, version: int }) },
};
