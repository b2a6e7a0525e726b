import { any, arr, bool, date, instant, int, nul, obj, page, str, uuid, type ResponseRegistry, type S } from '../schema';
import { CASE_RESOURCE, caseAfter, caseAllowedActions } from '../resources';
import { applicationPeriod, datedWarning, materials } from './shared';

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.

/** A case event's data: its fields depend on the event type (registration, suspension, escalation…). */
export const eventData: S = { type: 'object', description: '事件数据，字段随事件类型而不同' };
/** A consultation at the counter (libs/cases consultation.service.ts). */
const consultation = obj({
  id: uuid,
  townshipId: int,
  consultedAt: instant,
  visitorName: str,
  visitorPhone: nul(str),
  topic: str,
  category: str,
  respondentDepartmentId: nul(int),
  actProject: nul(str),
  actPlace: nul(str),
  advice: str,
  applicationFollowed: bool,
  caseId: nul(uuid),
  mediationWarning: nul(datedWarning),
});

/** The receipt (收件回执, libs/cases intake/receipt.ts) printed at registration and at a query code's reissue. */
const receiptFields = {
  title: str,
  caseNumber: str,
  queryCode: str,
  receivedAt: instant,
  receivingOffice: str,
  applicants: arr(str),
  respondent: str,
  materials,
  acceptanceDue: date,
  notice: str,
  lateApplication: nul(applicationPeriod),
};

/**
 * QueueItem (libs/cases queries/case-queries.service.ts): a row of the intake queue (awaiting review: a due date, a
 * township) or of a counter's own applications (any stage; registered at the district office: no township).
 */
const queueItem = (awaitingReview: boolean) => {
  const set = (s: S) => (awaitingReview ? s : nul(s));
  return obj({
    caseId: uuid,
    caseNumber: str,
    state: str,
    stateLabel: str,
    version: int,
    townshipId: set(int),
    township: set(str),
    receiptAt: instant,
    acceptanceDue: set(date),
    respondent: str,
    applicants: str,
    lateApplication: nul(applicationPeriod),
    allowedActions: caseAllowedActions,
  });
};

export const CASE_INTAKE_RESPONSES: ResponseRegistry = {
  // GET /api/cases/{id}/acceptance-review (2 e2e samples)
  applications_acceptanceReview: {
    200: obj({
      caseId: uuid,
      caseNumber: str,
      state: str,
      stateLabel: str,
      version: int,
      receivedOn: date,
      acceptanceDue: date,
      reviewOutcome: nul(any),
      applicationPeriod,
      lateApplication: nul(applicationPeriod),
    }),
  },
  // GET /api/cases/{id}/clocks (23 e2e samples)
  applications_clocksOf: {
    200: arr(
      obj({
        id: uuid,
        rule: str,
        start: date,
        due: date,
        status: str,
        provisional: bool,
        explanation: arr(str),
        calendarVersion: int,
        closedOn: nul(date),
        suspensions: arr(obj({ from: date }, { to: date })),
        extensionDays: int,
        // Working days from today to the due date (negative once past), as the work lists count them; null once ended.
        remainingWorkingDays: nul(int),
      }),
    ),
  },
  // POST /api/cases/{id}/correction-received (1 e2e samples)
  applications_correctionReceived: { 200: caseAfter() },
  // GET /api/cases/{id} (2 e2e samples)
  applications_detail: { 200: CASE_RESOURCE },
  // GET /api/intake-queue (2 e2e samples)
  applications_intakeQueue: { 200: page(queueItem(true)) },
  // GET /api/applications
  applications_list: { 200: page(queueItem(false)) },
  // POST /api/applications (147 e2e samples)
  applications_register: {
    201: obj({
      caseId: uuid,
      caseNumber: str,
      queryCode: str,
      version: int,
      state: str,
      acceptanceDue: date,
      receipt: obj(receiptFields),
    }),
  },
  // POST /api/cases/{id}/acceptance-review (74 e2e samples)
  applications_review: { 200: caseAfter() },
  // POST /api/cases/{id}/assign (7 e2e samples)
  caseHandling_assign: { 200: caseAfter() },
  // GET /api/cases/{id}/assignment-proposal (2 e2e samples)
  caseHandling_propose: { 200: arr(obj({ userId: uuid, displayName: str, section: str, openCases: int, load: int })) },
  // POST /api/cases/{id}/resume (3 e2e samples)
  caseHandling_resume: { 200: caseAfter(obj({ decisionDue: date })) },
  // POST /api/cases/{id}/suspend (5 e2e samples)
  // A suspension recorded after the review period ended keeps the due date and says so (ARL 39, libs/cases case-handling).
  caseHandling_suspend: { 200: caseAfter(obj({}, { decisionDue: date, warning: obj({ code: str, message: str }) })) },
  // GET /api/consultations (3 e2e samples)
  consultations_list: {
    200: page(consultation),
  },
  // POST /api/consultations (12 e2e samples)
  consultations_record: {
    201: consultation,
  },
  // POST /api/public/case-status (5 e2e samples)
  publicStatus_status: {
    200: obj({
      caseNumber: str,
      stage: str,
      stageLabel: str,
      // The plain-Chinese account of the stage (libs/cases/src/domain/public-stage.ts); no next step once decided.
      explanation: str,
      nextStep: nul(obj({ action: str, due: nul(date), provisional: bool, basis: str }, { note: str })),
      receivedOn: date,
      acceptedOn: nul(date),
      // null once the acceptance review is over (the clock is no longer shown).
      acceptanceDue: nul(date),
      lastUpdated: instant,
    }),
  },
  // POST /api/cases/{id}/query-code/reissue (2 e2e samples)
  queryCode_reissue: {
    200: obj({
      caseId: uuid,
      caseNumber: str,
      queryCode: str,
      receipt: obj(receiptFields, { queryCodeReissuedAt: instant }),
    }),
  },
  // Written from the services (not reached by the e2e suite).
  applications_abandon: { 200: caseAfter() },
};
