import { arr, bool, date, docx, instant, int, nul, num, obj, page, str, uuid, type ResponseRegistry } from '../schema';
import { MEDIATION_UPLOAD_ACTION, MediationOp } from '@fuyi/mediation';
import { allowedActions, fileAfter, MEDIATION_FILE_RESOURCE } from '../resources';
import { documentSummary, issuedDocument, mediationFileSummaryFields } from './shared';

/** A list row: the file's summary with what the caller may do to it (the same table as the detail's). */
const fileSummary = obj({
  ...mediationFileSummaryFields,
  allowedActions: allowedActions([...Object.values(MediationOp), MEDIATION_UPLOAD_ACTION]),
});

/** A mediation session or private note (libs/mediation session.service.ts): attendance and minutes once recorded. */
const session = obj({
  id: uuid,
  kind: str,
  mode: str,
  place: str,
  scheduledAt: instant,
  participants: arr(obj({ name: str, role: str })),
  attendance: nul(arr(obj({ name: str, present: bool }))),
  minutes: nul(str),
  status: str,
  version: int,
});

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.
export const MEDIATION_RESPONSES: ResponseRegistry = {
  // POST /api/mediation/files/{id}/assign (22 e2e samples)
  mediationFiles_assign: { 200: fileAfter(obj({ mediatorIds: arr(uuid) })) },
  // POST /api/mediation/files/{id}/extension (2 e2e samples)
  mediationFiles_extend: { 200: fileAfter() },
  // POST /api/mediation/files/{id}/follow-up (2 e2e samples)
  mediationFiles_followUp: { 200: fileAfter() },
  // GET /api/mediation/files/{id} (4 e2e samples)
  mediationFiles_get: { 200: MEDIATION_FILE_RESOURCE },
  // GET /api/mediation/files (1 e2e samples)
  mediationFiles_list: {
    200: page(fileSummary),
  },
  // POST /api/mediation/files/{id}/objection (4 e2e samples)
  mediationFiles_object: { 200: fileAfter(obj({ mediatorIds: arr(uuid) })) },
  // POST /api/mediation/files/{id}/outcome (12 e2e samples)
  mediationFiles_outcome: { 200: fileAfter(obj({}, { caseState: str, caseVersion: int, caseResumed: bool, decisionDue: nul(date) })) },
  // GET /api/mediation/files/{id}/assignment-proposal (5 e2e samples)
  mediationFiles_propose: {
    200: arr(obj({ userId: uuid, displayName: str, skilled: bool, openFiles: int, conflict: nul(str), objected: bool })),
  },
  // POST /api/mediation/referrals (29 e2e samples)
  mediationFiles_refer: { 201: fileAfter() },
  // POST /api/mediation/files/{id}/seal (4 e2e samples)
  mediationFiles_seal: { 200: fileAfter(obj({ caseState: str, caseVersion: int })) },
  // POST /api/mediation/files/{id}/suspend-case (1 e2e samples)
  mediationFiles_suspendCase: { 200: fileAfter(obj({ caseState: str, caseVersion: int })) },
  // POST /api/mediation/files/{id}/take (19 e2e samples)
  mediationFiles_take: { 200: fileAfter() },
  // GET /api/mediation/work-list (1 e2e samples)
  mediationFiles_workList: {
    200: obj({
      files: arr(fileSummary),
      unassignedPool: int,
    }),
  },
  // GET /api/mediation/documents/{documentId}/download (2 e2e samples)
  mediationWork_download: { 200: docx },
  // POST /api/mediation/files/{id}/documents (9 e2e samples)
  mediationWork_issue: { 201: issuedDocument },
  // GET /api/mediation/files/{id}/documents (1 e2e samples)
  mediationWork_listDocuments: { 200: arr(documentSummary) },
  // GET /api/mediation/files/{id}/sessions (3 e2e samples)
  mediationWork_listSessions: { 200: arr(session) },
  // GET /api/mediation/measures (4 e2e samples)
  mediationWork_measures: {
    200: obj({
      by: str,
      from: date,
      to: date,
      rows: arr(
        obj({
          key: nul(str),
          label: str,
          cases: int,
          agreements: int,
          withdrawals: int,
          failures: int,
          concluded: int,
          substantiveResolutions: int,
          substantiveRate: nul(num),
          medianDaysToOutcome: nul(int),
          agreementsPerformed: int,
        }),
      ),
    }),
  },
  // GET /api/mediation/mediators (2 e2e samples)
  mediationWork_mediators: {
    200: arr(
      obj(
        {
          userId: uuid,
          displayName: str,
          hasProfile: bool,
          skills: arr(str),
          isCoordinator: bool,
          version: int,
        },
        { conflictDepartmentIds: arr(int), conflictIdNumbers: int, conflictNames: arr(str) },
      ),
    ),
  },
  // POST /api/mediation/files/{id}/private-notes (1 e2e samples)
  mediationWork_privateNote: { 201: session },
  // POST /api/mediation/files/{id}/sessions/{sessionId}/record (1 e2e samples)
  mediationWork_record: { 200: session },
  // POST /api/mediation/files/{id}/sessions (3 e2e samples)
  mediationWork_schedule: { 201: session },
  // PUT /api/mediation/mediators/{userId} (7 e2e samples)
  mediationWork_upsertProfile: { 200: obj({ userId: uuid, version: int }) },
};
