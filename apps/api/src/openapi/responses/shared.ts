import { arr, bool, date, instant, int, nul, obj, str, uuid } from '../schema';

// Shapes that several answers share, written once (each names the service type it describes).

/** IssuedDocument (libs/documents document.service.ts): a document as issued; caseId null for one without a case. */
const issuedDocumentFields = {
  id: uuid,
  caseId: nul(uuid),
  ownerKind: str,
  ownerId: uuid,
  type: str,
  title: str,
  number: str,
  version: int,
};
export const issuedDocument = obj(issuedDocumentFields);

/** DocumentSummary: a document as the lists show it, without its content. */
export const documentSummary = obj({
  ...issuedDocumentFields,
  status: str,
  superseded: bool,
  issuedAt: instant,
  issuedBy: uuid,
  sha256: str,
  size: int,
});

/** UserView (libs/platform/src/auth/users.service.ts). */
export const userView = obj(
  {
    id: uuid,
    username: str,
    displayName: str,
    role: str,
    townshipId: nul(int),
    section: nul(str),
    active: bool,
    version: int,
    allowedActions: arr(str),
  },
  { locked: bool, totpMissing: bool },
);

/** CalendarChangeResult (libs/clocks): the calendar's new version and what moved. */
export const calendarChange = obj({ version: int, changedDays: int, clocksRecomputed: int });

const calendarDayState = nul(obj({ kind: str, name: str }));
/** CalendarChangePreview (libs/clocks calendar-preview.ts): what a calendar change would do, nothing written. */
export const calendarPreview = obj({
  calendarVersion: int,
  changedDays: int,
  changes: arr(obj({ date: date, before: calendarDayState, after: calendarDayState })),
  clocksAffected: int,
  clocks: arr(obj({ clockId: uuid, caseId: uuid, caseNumber: str, rule: str, ruleLabel: str, oldDue: date, newDue: date })),
  truncated: bool,
});

/** A reminder policy (libs/clocks ReminderPolicyService). */
export const reminderPolicy = obj({ rule: str, recipientRole: str, offsets: arr(int), overdueDaily: bool });

/** A warning about a day (a limitation period, a mediation deadline): code, message and the day it concerns. */
export const datedWarning = obj({ code: str, message: str, on: date });

/** A statutory clock as the work lists show it (WorkItem.clocks, libs/cases queries/work-item.ts). */
export const workClock = obj({
  rule: str,
  due: date,
  status: str,
  extensionDays: int,
  remainingWorkingDays: int,
  overdue: bool,
});

/** ApplicationPeriod (libs/cases domain/application-period.ts): ARL 20 and 21 checked at registration. */
const absoluteLimit = obj({
  article: str,
  realProperty: bool,
  years: int,
  actDate: date,
  lastDay: date,
  exceeded: bool,
  text: str,
});
export const applicationPeriod = obj(
  {
    knownDate: date,
    due: date,
    provisional: bool,
    receivedOn: date,
    late: bool,
    daysOver: int,
    exceptions: arr(obj({ code: str, article: str, text: str }, { lastDay: date, withinCap: bool })),
    absoluteLimit: nul(absoluteLimit),
    warning: nul(str),
  },
  // The receipt adds the sentence printed for the applicant.
  { notice: str },
);

/** The materials handed in (name and copies). */
export const materials = arr(obj({ name: str, copies: int }));

/** A mediation file as the lists show it (libs/mediation mediation-queries.service.ts). */
export const mediationFileSummaryFields = {
  id: uuid,
  state: str,
  stateLabel: str,
  version: int,
  source: str,
  sourceLabel: str,
  category: str,
  categoryLabel: str,
  township: nul(str),
  respondent: nul(str),
  caseId: nul(uuid),
  caseNumber: nul(str),
  mediationDue: nul(date),
  mediationDueProvisional: bool,
  mediationDueExplanation: arr(str),
  applicationDue: nul(date),
  warnings: arr(datedWarning),
  outcome: nul(str),
  outcomeLabel: nul(str),
  createdAt: instant,
};
