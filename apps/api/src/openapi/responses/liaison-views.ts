import { ClusterAction } from '@fuyi/liaison';
import { arr, bool, date, docx, instant, int, nul, num, obj, oneOfStr, page, str, uuid, type ResponseRegistry } from '../schema';
import { allowedActions } from '../resources';

/** One ARL 79(2) copy report (抄告) as the lists show it. */
const copyReport = obj({
  id: uuid,
  caseId: uuid,
  caseNumber: str,
  source: str,
  sourceTitle: str,
  sourceId: uuid,
  sourceDocumentId: nul(uuid),
  sourceDocumentNumber: nul(str),
  respondent: str,
  superior: nul(str),
  effectiveOn: date,
  state: str,
  stateLabel: str,
  pendingReason: nul(str),
  documentId: nul(uuid),
  documentNumber: nul(str),
  issuedBy: nul(uuid),
  issuedByName: nul(str),
  issuedOn: nul(date),
  version: int,
  createdAt: instant,
});

/** A group-dispute cluster (libs/liaison clusters/cluster.queries.ts) as the lists show it. */
const clusterFields = {
  id: uuid,
  respondentDepartmentId: int,
  respondent: str,
  keyKind: str,
  keyLabel: str,
  memberCount: int,
  townships: arr(str),
  firstOn: date,
  lastOn: date,
  state: str,
  stateLabel: str,
  mergedInto: nul(uuid),
  version: int,
  suggestedNotice: obj({ title: str, text: str }),
};
const cluster = obj(clusterFields);

/** A cluster with its records and what the caller may do with it (libs/liaison ClusterQueries.get). */
const clusterResource = obj({
  ...clusterFields,
  allowedActions: allowedActions(Object.values(ClusterAction)),
  dismissedReason: nul(str),
  members: arr(obj({ recordKind: str, recordId: uuid, label: str, recordOn: date, township: str, reason: str, joinedAt: instant })),
});

/** The court-liaison figures of a department, or of all (libs/liaison liaison-stats). */
const liaisonCounts = {
  notices: int,
  noticeRecipients: int,
  noticesAnsweredOnTime: int,
  opinionLetters: int,
  suggestionLetters: int,
  feedbackOnTime: int,
  feedbackLate: int,
  lawsuits: int,
  directLawsuits: int,
  defencesOnTime: int,
  defencesLate: int,
  coDefendant: int,
  heard: int,
  headAppeared: int,
  courtHearings: int,
  courtHearingsHeadAppeared: int,
  judged: int,
  judgmentsUpholding: int,
  closedCases: int,
  groupDisputes: int,
  suedAfterRate: nul(num),
};

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.
export const LIAISON_VIEWS_RESPONSES: ResponseRegistry = {
  // GET /api/cases/{id}/copy-reports (7 e2e samples)
  copyReports_forCase: {
    200: obj({
      caseId: uuid,
      required: bool,
      respondent: str,
      superior: nul(str),
      basis: str,
      items: arr(copyReport),
    }),
  },
  // POST /api/liaison/copy-reports/{id}/issue (1 e2e samples)
  copyReports_issue: { 200: obj({ id: uuid, version: int, state: str, documentId: uuid, documentNumber: str, superior: str }) },
  // GET /api/liaison/copy-reports (1 e2e samples)
  copyReports_list: { 200: page(copyReport) },
  // PUT /api/reference/departments/{id}/superior (2 e2e samples)
  copyReports_superior: { 200: obj({ id: int, name: str, kind: str, superior: nul(str) }) },
  // POST /api/group-disputes/{id}/dismiss (1 e2e samples)
  groupDisputes_dismiss: { 200: clusterResource },
  // GET /api/group-disputes/{id} (2 e2e samples)
  groupDisputes_get: { 200: clusterResource },
  // GET /api/group-disputes (4 e2e samples)
  groupDisputes_list: {
    200: page(cluster),
  },
  // GET /api/liaison/documents/{documentId}/download (2 e2e samples)
  liaisonView_download: { 200: docx },
  // GET /api/liaison/view (26 e2e samples)
  liaisonView_get: {
    200: obj(
      {
        today: date,
        casesInLawsuitWindow: arr(
          obj({
            caseId: uuid,
            caseNumber: str,
            servedOn: date,
            lawsuitDue: date,
            decisionType: str,
            coDefendantIfSued: bool,
          }),
        ),
        casesInCourt: arr(
          obj({
            id: uuid,
            caseId: nul(uuid),
            caseNumber: nul(str),
            court: str,
            courtCaseNumber: str,
            filedOn: date,
            coDefendant: bool,
            headAppeared: bool,
            nextHearing: nul(date),
            origin: str,
            defendant: nul(str),
            defenceDue: nul(date),
            defenceDueProvisional: bool,
            defenceOverdue: nul(bool),
          }),
        ),
        openClusters: arr(cluster),
        notices: arr(
          obj({
            id: uuid,
            title: str,
            state: str,
            version: int,
            sentOn: nul(date),
            nextDue: nul(date),
            dueProvisional: bool,
            overdueDepartments: int,
            awaitingDepartments: int,
            stateLabel: str,
            nextStep: str,
            waitingFor: str,
          }),
        ),
        letters: arr(
          obj({
            id: uuid,
            kind: str,
            state: str,
            version: int,
            caseId: nul(uuid),
            caseNumber: nul(str),
            recipient: str,
            receivedOn: nul(date),
            feedbackDue: nul(date),
            feedbackDueProvisional: bool,
            overdue: nul(bool),
            escalatedAt: nul(instant),
            stateLabel: str,
            nextStep: str,
            waitingFor: str,
          }),
        ),
      },
      {
        // Present when the desk was filtered (due / waiting): the filter applied and the week's end (Sunday) it used.
        filter: obj({}, { due: oneOfStr('overdue', 'thisWeek'), waiting: oneOfStr('officer') }),
        weekEnd: date,
      },
    ),
  },
  // GET /api/liaison/stats (7 e2e samples)
  liaisonView_stats: {
    200: obj({
      from: date,
      to: date,
      departments: arr(
        obj({
          departmentId: nul(int),
          department: str,
          ...liaisonCounts,
        }),
      ),
      total: obj({
        ...liaisonCounts,
        headAppearanceRate: num,
        upheldRate: int,
        coDefendantRate: num,
      }),
    }),
  },
};
