import { any, arr, bool, date, docx, int, nul, obj, oneOfStr, str, uuid, type ResponseRegistry } from '../schema';
import { caseAfter } from '../resources';
import { documentSummary, issuedDocument } from './shared';

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.
export const CASE_HEARING_RESPONSES: ResponseRegistry = {
  // POST /api/cases/{id}/decision/approve (15 e2e samples)
  adjudication_approve: { 200: caseAfter() },
  // POST /api/cases/{id}/convert-to-ordinary (1 e2e samples)
  adjudication_convert: { 200: caseAfter(obj({ decisionDue: date })) },
  // POST /api/cases/{id}/copy-sent (4 e2e samples)
  adjudication_copySent: { 200: caseAfter(obj({ replyDue: date })) },
  // POST /api/cases/{id}/extend (3 e2e samples)
  adjudication_extend: { 200: caseAfter(obj({ decisionDue: date, approvedOn: date })) },
  // POST /api/cases/{id}/mediation-settlement (1 e2e samples)
  adjudication_mediation: { 200: caseAfter() },
  // POST /api/cases/{id}/publish (1 e2e samples)
  adjudication_publish: { 200: caseAfter(obj({ publicationId: uuid, text: str })) },
  // POST /api/cases/{id}/reply-received (3 e2e samples)
  adjudication_replyReceived: { 200: caseAfter() },
  // POST /api/cases/{id}/services (9 e2e samples)
  adjudication_serve: { 200: caseAfter(obj({ applicantsPending: int }, { lawsuitDue: date })) },
  // POST /api/cases/{id}/decision (21 e2e samples)
  adjudication_submit: { 200: caseAfter() },
  // POST /api/cases/{id}/terminate (7 e2e samples)
  adjudication_terminate: { 200: caseAfter() },
  // GET /api/documents/{documentId}/download (9 e2e samples)
  documents_download: { 200: docx },
  // POST /api/cases/{id}/documents (8 e2e samples)
  documents_issue: { 201: issuedDocument },
  // GET /api/cases/{id}/document-types: IssuableDocumentType (libs/documents document.service.ts), fields from the templates
  documents_documentTypes: {
    200: arr(
      obj({
        type: str,
        title: str,
        data: arr(obj({ key: str, label: str, type: oneOfStr('text', 'list'), required: bool, format: nul(str), note: str })),
      }),
    ),
  },
  // GET /api/cases/{id}/documents (6 e2e samples)
  documents_list: { 200: arr(documentSummary) },
  // POST /api/cases/{id}/parties (2 e2e samples)
  participation_addParty: { 200: caseAfter(obj({ partyId: uuid })) },
  // POST /api/cases/{id}/committee-opinion (1 e2e samples)
  participation_committee: { 200: caseAfter() },
  // POST /api/cases/{id}/hearings/{hearingId}/minutes (6 e2e samples)
  participation_minutes: { 200: caseAfter() },
  // POST /api/cases/{id}/parties/notified (1 e2e samples)
  participation_notified: { 200: caseAfter() },
  // GET /api/cases/{id}/participation (3 e2e samples)
  participation_participationOf: {
    200: obj({
      caseId: uuid,
      respondent: str,
      hearings: arr(
        obj({
          id: uuid,
          kind: str,
          kindLabel: str,
          heldOn: date,
          place: str,
          status: str,
          panel: nul(obj({ clerk: str, officers: arr(str), presiding: str })),
          noticeSentOn: nul(date),
          hasMinutes: bool,
          attendanceRecorded: bool,
          attendance: nul(
            obj({
              parties: arr(obj({ partyId: uuid, name: str, role: str, status: str, statusLabel: str, representedBy: nul(str) })),
              respondent: obj({
                name: str,
                status: str,
                statusLabel: str,
                representedBy: nul(str),
                headAttended: bool,
                headName: str,
              }),
            }),
          ),
        }),
      ),
      respondentHeadAttended: bool,
    }),
  },
  // PUT /api/cases/{id}/hearings/{hearingId}/attendance (3 e2e samples)
  participation_recordAttendance: {
    200: caseAfter(obj({ attendance: obj({ hearingId: uuid, parties: int, respondent: str, respondentHeadAttended: bool }) })),
  },
  // GET /api/cases/{id}/hearing-requirements (10 e2e samples)
  participation_requirements: {
    200: obj({
      listeningRequired: bool,
      listeningDone: bool,
      listeningWaiver: nul(obj({ reason: str, on: date })),
      formalHearingMandatory: bool,
      formalHearingHeld: bool,
      formalHearingWaiver: nul(any),
      reasons: arr(str),
      readyToDecide: bool,
      blocker: nul(obj({ code: str, message: str })),
      note: str,
    }),
  },
  // POST /api/cases/{id}/hearings (7 e2e samples)
  participation_schedule: { 200: caseAfter(obj({ hearingId: uuid })) },
  // POST /api/cases/{id}/hearing-waivers (22 e2e samples)
  participation_waive: { 200: caseAfter() },
  // Not reached by the e2e suite: the same case answer.
  adjudication_returnDecision: { 200: caseAfter() },
  adjudication_archive: { 200: caseAfter() },
};
