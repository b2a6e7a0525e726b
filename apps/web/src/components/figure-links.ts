import type { components } from '@generated/api-types';

export type HomeFigure = components['schemas']['WorkViewsFiguresResponse']['figures'][number];
export type HomeFigureKey = HomeFigure['key'];

/**
 * The list each home figure counts (GET /api/me/figures says which list and filter; libs/cases home-figures.ts):
 * my queue or the office view with the same filter, or the page that lists it (see figureLink for the filters the API sends).
 */
export const FIGURE_LINKS: Record<HomeFigureKey, string> = {
  myOverdue: '/work/my-queue?flag=overdue',
  myDueThisWeek: '/work/my-queue?flag=dueThisWeek',
  myOpen: '/work/my-queue',
  overdue: '/work/office?flag=overdue',
  dueThisWeek: '/work/office?flag=dueThisWeek',
  toAssign: '/assignment',
  awaitingApproval: '/approvals',
  awaitingCorrection: '/counter?state=correction_requested',
  inAcceptanceReview: '/counter?state=registered',
  mediationMine: '/mediation',
  mediationDueSoon: '/mediation?due=soon',
  liaisonOverdue: '/liaison?due=overdue',
  liaisonDueThisWeek: '/liaison?due=thisWeek',
  liaisonAwaitingMe: '/liaison?waiting=officer',
  deadLetters: '/admin/dead-letters',
  lockedAccounts: '/admin/users?status=locked',
  totpMissing: '/security?status=totpMissing',
  auditToday: '/audit',
  auditLoginFailures: '/audit',
  auditPersonalDataReads: '/audit',
  auditDownloads: '/audit',
  auditExports: '/audit',
};

/** The security administrator lists users on the security page, not on the administrator's users page. */
const SECURITY_ADMIN_LINKS: Partial<Record<HomeFigureKey, string>> = { lockedAccounts: '/security?status=locked' };

/** Where a figure opens, for the role signed in: its list, with the filter the figure was counted with when the API names one (`query`). */
export function figureLink(f: Pick<HomeFigure, 'key' | 'query'>, role?: string): string {
  const path = (role === 'security_admin' && SECURITY_ADMIN_LINKS[f.key]) || FIGURE_LINKS[f.key];
  const query = new URLSearchParams(Object.entries(f.query ?? {}).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

/** Red for what is late, amber for what is due soon, the brand blue for the rest. */
export const FIGURE_COLOURS: Partial<Record<HomeFigureKey, string>> = {
  myOverdue: '#cf1322',
  overdue: '#cf1322',
  myDueThisWeek: '#ad6800',
  dueThisWeek: '#ad6800',
  awaitingCorrection: '#ad6800',
  mediationDueSoon: '#cf1322',
  liaisonOverdue: '#cf1322',
  liaisonDueThisWeek: '#ad6800',
  deadLetters: '#cf1322',
  lockedAccounts: '#ad6800',
  totpMissing: '#ad6800',
  auditLoginFailures: '#ad6800',
};
export const DEFAULT_COLOUR = '#1668dc';

/** The measure word a figure is counted in: cases by 件 (the default), accounts by 个, log rows by 条, events by 次. */
const UNITS: Partial<Record<HomeFigureKey, string>> = {
  deadLetters: '条',
  lockedAccounts: '个',
  totpMissing: '个',
  auditToday: '条',
  auditLoginFailures: '次',
  auditPersonalDataReads: '次',
  auditDownloads: '次',
  auditExports: '次',
};
export const unitOf = (key: HomeFigureKey): string => UNITS[key] ?? '件';
