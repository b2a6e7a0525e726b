import { arr, docx, int, obj, str, bool, type ResponseRegistry, type S } from '../schema';
import { userView } from './shared';

// Security hardening (issue 14) and case numbering (issue 15): drafted from the e2e bodies, read against the services
// (users.service.ts UserView, audit.controller.ts, libs/cases/src/queries/case-number-gaps.ts).

/** A CSV download (UTF-8 with BOM). */
const csv: S = { ...docx, 'x-media': 'text/csv' } as S;

/** Whether each role must use a second factor (TotpService.requiredRoles). */
const totpPolicy = arr(obj({ role: str, label: str, required: bool }));

export const SECURITY_RESPONSES: ResponseRegistry = {
  // POST /api/auth/password: the own password changed, the account's other sessions ended
  auth_changePassword: { 204: null },
  // POST /api/users/{id}/reset-password
  users_resetPassword: { 200: userView },
  // POST /api/auth/totp/enrol: the secret shown once (harden2, issue 14 item 4)
  auth_enrolTotp: { 200: obj({ otpauthUri: str, secret: str }) },
  // POST /api/auth/totp/confirm
  auth_confirmTotp: { 204: null },
  // GET /api/security/totp-policy
  securityPolicy_totpPolicy: { 200: totpPolicy },
  // PUT /api/security/totp-policy/{role}
  securityPolicy_setTotpPolicy: { 200: totpPolicy },
  // PUT /api/users/{id}/role (the security administrator alone, 三员)
  users_changeRole: { 200: userView },
  // PATCH /api/users/{id}
  users_update: { 200: userView },
  // GET /api/audit/export
  audit_export: { 200: csv },
  // GET /api/case-numbers/gaps
  applications_numberGaps: {
    200: obj({ year: int, lastIssued: int, registered: int, unusedCount: int, unused: arr(obj({ seq: int, caseNumber: str })) }),
  },
};
