import { arr, bool, date, instant, int, map, nul, obj, oneOfStr, page, str, uuid, type ResponseRegistry } from '../schema';
import { calendarChange, calendarPreview, reminderPolicy, userView } from './shared';

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against the services.

/**
 * TokenPair (libs/platform/src/auth/auth.service.ts): credentialChangeRequired until an account set by the admin changes it,
 * totpEnrolmentRequired until a user whose role requires a second factor has enrolled one.
 */
const tokenPair = obj(
  {
    accessToken: str,
    expiresIn: int,
    user: obj({ id: uuid, username: str, displayName: str, role: str, townshipId: nul(int) }),
    credentialChangeRequired: bool,
    totpEnrolmentRequired: bool,
  },
  // Absent when the browser asked for the HttpOnly cookie instead (login refreshTokenIn: 'cookie', refresh by cookie).
  { refreshToken: str },
);
export const PLATFORM_RESPONSES: ResponseRegistry = {
  // GET /api/audit (1 e2e samples)
  audit_list: {
    200: page(
      obj({
        id: str,
        chain: str,
        seq: int,
        occurredAt: instant,
        actorId: nul(uuid),
        actorRole: nul(str),
        action: str,
        subjectType: str,
        subjectId: str,
        summary: { type: 'object', description: '操作摘要（不含个人信息）' },
        requestId: nul(str),
      }),
    ),
  },
  // GET /api/audit/verify (1 e2e samples)
  // AuditVerification (libs/platform audit-verifier.ts): each break names its chain, the row and why.
  audit_verify: {
    200: obj({
      chains: int,
      rows: int,
      breaks: arr(
        obj({
          chain: str,
          seq: int,
          reason: oneOfStr('hash_mismatch', 'broken_link', 'gap', 'truncated', 'head_mismatch', 'head_forged', 'unanchored'),
        }),
      ),
    }),
  },
  // POST /api/auth/login (131 e2e samples)
  auth_login: { 200: tokenPair },
  // POST /api/auth/logout (2 e2e samples)
  auth_logout: { 204: null },
  // POST /api/auth/logout-all: every session of the user ended (issue 13 item 2)
  auth_logoutAll: { 204: null },
  // GET /api/auth/me (5 e2e samples)
  auth_me: {
    200: obj({ id: uuid, username: str, role: str, townshipId: nul(int), credentialChangeRequired: bool, totpEnrolmentRequired: bool }),
  },
  // POST /api/auth/refresh (3 e2e samples)
  auth_refresh: { 200: tokenPair },
  // POST /api/admin/queues-session (1 e2e samples)
  boardSession_open: { 200: obj({ url: str, expiresIn: int }) },
  // POST /api/deadlines/compute (10 e2e samples)
  calendar_compute: {
    200: obj({
      rule: str,
      start: date,
      due: date,
      provisional: bool,
      paused: bool,
      explanation: arr(str),
      calendarVersion: int,
      calendarSource: str,
      article: str,
      label: str,
      unit: str,
      direction: str,
      period: int,
      extensionDays: int,
      suspendedDays: int,
      provisionalYears: arr(int),
    }),
  },
  // POST /api/calendar/years/{year}/load (3 e2e samples)
  calendar_loadYear: { 201: calendarChange },
  // POST /api/calendar/days/{date}/preview, …/removal-preview, /api/calendar/years/{year}/load-preview
  calendar_previewSetDay: { 200: calendarPreview },
  calendar_previewRemoveDay: { 200: calendarPreview },
  calendar_previewLoadYear: { 200: calendarPreview },
  // GET /api/reminder-policies (1 e2e samples)
  calendar_policies: { 200: arr(reminderPolicy) },
  // DELETE /api/calendar/days/{date} (2 e2e samples)
  calendar_removeDay: { 200: calendarChange },
  // PUT /api/calendar/days/{date} (6 e2e samples)
  calendar_setDay: { 200: calendarChange },
  // PUT /api/reminder-policies/{rule}/{recipientRole} (3 e2e samples)
  calendar_setPolicy: {
    200: obj({ policy: reminderPolicy, clocksReplanned: int }),
  },
  // GET /api/calendar-versions (2 e2e samples)
  calendar_versions: {
    200: page(
      obj({
        version: int,
        changedBy: nul(uuid),
        reason: str,
        changes: arr(obj({ date: date, after: nul(obj({ kind: str, name: str })), before: nul(obj({ kind: str, name: str })) })),
        clocksRecomputed: int,
        createdAt: instant,
      }),
    ),
  },
  // GET /health/live (1 e2e samples)
  health_live: { 200: obj({ status: str }) },
  // GET /api/notifications (8 e2e samples)
  notifications_list: {
    200: page(
      obj({
        id: str,
        kind: str,
        title: str,
        body: str,
        caseId: nul(uuid),
        caseNumber: nul(str),
        createdAt: instant,
        readAt: nul(instant),
      }),
    ),
  },
  // GET /api/reference/departments (1 e2e samples)
  reference_departments: { 200: arr(obj({ id: int, name: str, kind: str, townshipId: nul(int), superior: nul(str) })) },
  // POST /api/users (1 e2e samples)
  users_create: { 201: userView },
  // POST /api/users/{id}/deactivate (1 e2e samples)
  users_deactivate: { 201: userView },
  // GET /api/users (1 e2e samples)
  users_list: { 200: page(userView) },
  // Written from the services (not reached by the e2e suite; the notifications integration test drives them).
  reference_townships: { 200: arr(obj({ id: int, code: str, name: str, kind: str })) },
  reference_categories: { 200: obj({ categories: map(str), channels: map(str) }) },
  calendar_list: {
    200: obj({
      year: int,
      loaded: bool,
      source: nul(str),
      calendarVersion: int,
      days: arr(obj({ date: date, kind: str, name: str, version: int })),
    }),
  },
  notifications_unreadCount: { 200: obj({ count: int }) },
  notifications_readAll: { 200: obj({ updated: int }) },
  notifications_read: { 200: obj({ id: str, readAt: instant }) },
  notifications_deadLetters: {
    200: page(
      obj({
        id: str,
        notificationId: str,
        userId: uuid,
        channel: str,
        kind: nul(str),
        attempts: int,
        lastError: nul(str),
        createdAt: instant,
        updatedAt: instant,
      }),
    ),
  },
};
