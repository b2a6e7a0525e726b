import { arr, bool, date, instant, int, nul, obj, str, uuid, type ResponseRegistry } from '../schema';
import { eventData } from './case-intake';

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.
export const CASE_WORK_RESPONSES: ResponseRegistry = {
  // GET /api/cases/{id}/approval-requests (6 e2e samples)
  approvalRequests_list: {
    200: arr(
      obj({
        id: uuid,
        kind: str,
        status: str,
        payload: obj({ reason: str }, { days: int, ground: int }),
        submittedBy: uuid,
        submittedAt: instant,
        decidedBy: nul(uuid),
        decidedAt: nul(instant),
        returnReason: nul(str),
      }),
    ),
  },
  // POST /api/cases/{id}/extension-request (7 e2e samples)
  approvalRequests_requestExtension: { 200: obj({ caseId: uuid, version: int, requestId: uuid }) },
  // POST /api/cases/{id}/termination-request (9 e2e samples)
  approvalRequests_requestTermination: { 200: obj({ caseId: uuid, version: int, requestId: uuid }) },
  // POST /api/cases/{id}/extension-request/return (2 e2e samples)
  approvalRequests_returnExtension: { 200: obj({ caseId: uuid, version: int, requestId: uuid }) },
  // GET /api/work/my-queue (6 e2e samples)
  workViews_myQueue: {
    200: obj({
      items: arr(
        obj({
          caseId: uuid,
          caseNumber: str,
          state: str,
          stateLabel: str,
          version: int,
          procedure: str,
          category: str,
          townshipId: int,
          township: str,
          respondentDepartmentId: int,
          respondent: str,
          handlerId: uuid,
          handler: str,
          applicants: str,
          receiptAt: instant,
          acceptedOn: date,
          nextDue: date,
          flags: obj({ overdue: bool, paused: bool, extended: bool }),
          clocks: arr(obj({ rule: str, due: date, status: str, extensionDays: int, remainingWorkingDays: int, overdue: bool })),
        }),
      ),
      nextCursor: nul(str),
    }),
  },
  // GET /api/work/office (28 e2e samples)
  workViews_office: {
    200: obj({
      items: arr(
        obj({
          caseId: uuid,
          caseNumber: str,
          state: str,
          stateLabel: str,
          version: int,
          procedure: nul(str),
          category: str,
          townshipId: int,
          township: str,
          respondentDepartmentId: int,
          respondent: str,
          handlerId: nul(uuid),
          handler: nul(str),
          applicants: str,
          receiptAt: instant,
          acceptedOn: nul(date),
          nextDue: nul(date),
          flags: obj({ overdue: bool, paused: bool, extended: bool }),
          clocks: arr(obj({ rule: str, due: date, status: str, extensionDays: int, remainingWorkingDays: int, overdue: bool })),
        }),
      ),
      nextCursor: nul(str),
    }),
  },
  // GET /api/work/search (18 e2e samples)
  workViews_search: {
    200: obj({
      items: arr(
        obj({
          caseId: uuid,
          caseNumber: str,
          state: str,
          stateLabel: str,
          version: int,
          procedure: nul(str),
          category: str,
          townshipId: int,
          township: str,
          respondentDepartmentId: int,
          respondent: str,
          handlerId: nul(uuid),
          handler: nul(str),
          applicants: str,
          receiptAt: instant,
          acceptedOn: nul(date),
          nextDue: nul(date),
          flags: obj({ overdue: bool, paused: bool, extended: bool }),
          clocks: arr(obj({ rule: str, due: date, status: str, extensionDays: int, remainingWorkingDays: int, overdue: bool })),
          matches: arr(obj({ role: str, name: str })),
        }),
      ),
      nextCursor: nul(str),
    }),
  },
  // POST /api/work/search/id-number (4 e2e samples)
  workViews_searchByIdNumber: {
    200: obj({
      items: arr(
        obj({
          caseId: uuid,
          caseNumber: str,
          state: str,
          stateLabel: str,
          version: int,
          procedure: nul(str),
          category: str,
          townshipId: int,
          township: str,
          respondentDepartmentId: int,
          respondent: str,
          handlerId: nul(uuid),
          handler: nul(str),
          applicants: str,
          receiptAt: instant,
          acceptedOn: nul(date),
          nextDue: nul(date),
          flags: obj({ overdue: bool, paused: bool, extended: bool }),
          clocks: arr(obj({ rule: str, due: date, status: str, extensionDays: int, remainingWorkingDays: int, overdue: bool })),
          matches: arr(obj({ role: str, name: str })),
        }),
      ),
      nextCursor: nul(str),
    }),
  },
  // GET /api/cases/{id}/timeline (4 e2e samples)
  workViews_timeline: {
    200: obj({
      items: arr(obj({ id: str, at: instant, type: str, actorId: nul(uuid), actor: nul(str), data: eventData })),
      nextCursor: nul(str),
    }),
  },
  approvalRequests_returnTermination: { 200: obj({ caseId: uuid, version: int, requestId: uuid }) },
};
