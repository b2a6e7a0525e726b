import { HOME_FIGURE_KEYS } from '@fuyi/cases';
import { MEDIATION_FIGURE_KEYS } from '@fuyi/mediation';
import { LIAISON_FIGURE_KEYS } from '@fuyi/liaison';
import { OPERATOR_FIGURE_KEYS } from '../../services/operator-figures.service';
import { arr, bool, date, instant, int, nul, obj, oneOfStr, page, str, uuid, type ResponseRegistry, type S } from '../schema';
import { workClock } from './shared';
import { eventData } from './case-intake';
import { caseAfter, caseAllowedActions } from '../resources';

/**
 * WorkItem (libs/cases queries/work-item.ts): a case as the work lists show it. In one's own queue a case is accepted
 * and assigned (procedure, handler, acceptance date and a next due date are set).
 */
const workItemFields = (assigned: boolean): Record<string, S> => {
  const set = (s: S) => (assigned ? s : nul(s));
  return {
    caseId: uuid,
    caseNumber: str,
    state: str,
    stateLabel: str,
    version: int,
    procedure: set(str),
    category: str,
    townshipId: int,
    township: str,
    respondentDepartmentId: int,
    respondent: str,
    handlerId: set(uuid),
    handler: set(str),
    applicants: str,
    receiptAt: instant,
    acceptedOn: set(date),
    nextDue: set(date),
    flags: obj({ overdue: bool, paused: bool, extended: bool }),
    clocks: arr(workClock),
    allowedActions: caseAllowedActions,
  };
};
/** A search hit: the work item and which parties matched (role and name). */
const searchHit = obj({ ...workItemFields(false), matches: arr(obj({ role: str, name: str })) });

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
  approvalRequests_requestExtension: { 200: caseAfter(obj({ requestId: uuid })) },
  // POST /api/cases/{id}/termination-request (9 e2e samples)
  approvalRequests_requestTermination: { 200: caseAfter(obj({ requestId: uuid })) },
  // POST /api/cases/{id}/extension-request/return (2 e2e samples)
  approvalRequests_returnExtension: { 200: caseAfter(obj({ requestId: uuid })) },
  // GET /api/work/my-queue (6 e2e samples)
  workViews_myQueue: { 200: page(obj(workItemFields(true))) },
  // GET /api/me/figures: the caller's home figures, each the count of a work list (libs/cases queries/home-figures.ts)
  workViews_figures: {
    200: obj({
      asOf: date,
      weekEnd: date,
      figures: arr(
        obj(
          {
            key: oneOfStr(...HOME_FIGURE_KEYS, ...MEDIATION_FIGURE_KEYS, ...LIAISON_FIGURE_KEYS, ...OPERATOR_FIGURE_KEYS),
            label: str,
            definition: str,
            count: int,
          },
          { query: obj({}, { action: str, from: date, to: date }) },
        ),
      ),
    }),
  },
  // GET /api/work/office (28 e2e samples)
  workViews_office: { 200: page(obj(workItemFields(false))) },
  // GET /api/work/search (18 e2e samples)
  workViews_search: { 200: page(searchHit) },
  // POST /api/work/search/name
  workViews_searchByName: { 200: page(searchHit) },
  // POST /api/work/search/id-number (4 e2e samples)
  workViews_searchByIdNumber: { 200: page(searchHit) },
  // GET /api/cases/{id}/timeline (4 e2e samples)
  workViews_timeline: {
    200: page(obj({ id: str, at: instant, type: str, actorId: nul(uuid), actor: nul(str), data: eventData })),
  },
  approvalRequests_returnTermination: { 200: caseAfter(obj({ requestId: uuid })) },
};
