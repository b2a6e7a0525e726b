import { arr, docx, int, nul, obj, str, uuid, bool, type ResponseRegistry, type S } from '../schema';

// Security hardening (issue 14) and case numbering (issue 15): drafted from the e2e bodies, read against the services
// (users.service.ts UserView, audit.controller.ts, libs/cases/src/queries/case-number-gaps.ts).

/** A CSV download (UTF-8 with BOM). */
const csv: S = { ...docx, 'x-media': 'text/csv' } as S;

export const SECURITY_RESPONSES: ResponseRegistry = {
  // POST /api/auth/password: the own password changed, the account's other sessions ended
  auth_changePassword: { 204: null },
  // POST /api/users/{id}/reset-password
  users_resetPassword: { 200: obj({ id: uuid, username: str, displayName: str, role: str, townshipId: nul(int), active: bool }) },
  // GET /api/audit/export
  audit_export: { 200: csv },
  // GET /api/case-numbers/gaps
  applications_numberGaps: {
    200: obj({ year: int, lastIssued: int, registered: int, unusedCount: int, unused: arr(obj({ seq: int, caseNumber: str })) }),
  },
};
