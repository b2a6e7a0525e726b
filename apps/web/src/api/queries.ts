import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/**
 * Query hooks over the generated client, one per thing a page shows. Keys start with the API path so that a
 * mutation can invalidate by prefix.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['/api/notifications', 'unread-count'],
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    // The header's badge: every 30 s while the console is open, and at once when the window regains focus.
    refetchInterval: 30_000,
    refetchOnWindowFocus: 'always',
  });
}

/** How many items a list holds (first page, up to 100; "100+" when there are more): the role homes' figure. */
export interface ListCount {
  count: number;
  more: boolean;
}
const countOf = (p: { items: unknown[]; nextCursor: string | null }): ListCount => ({ count: p.items.length, more: p.nextCursor !== null });

export const HOME_COUNTS = {
  applications: () => unwrap(api.GET('/api/applications', { params: { query: { limit: 100 } } })).then(countOf),
  myQueue: () => unwrap(api.GET('/api/work/my-queue', { params: { query: { limit: 100 } } })).then(countOf),
  acceptedUnassigned: () => unwrap(api.GET('/api/work/office', { params: { query: { limit: 100, state: 'accepted' } } })).then(countOf),
  decisionsPending: () =>
    unwrap(api.GET('/api/work/office', { params: { query: { limit: 100, state: 'decision_pending' } } })).then(countOf),
  mediationFiles: () => unwrap(api.GET('/api/mediation/work-list')).then((w) => ({ count: w.files.length, more: false })),
  casesInLawsuitWindow: () => unwrap(api.GET('/api/liaison/view')).then((v) => ({ count: v.casesInLawsuitWindow.length, more: false })),
  users: () => unwrap(api.GET('/api/users', { params: { query: { limit: 100 } } })).then(countOf),
} satisfies Record<string, () => Promise<ListCount>>;

export function useHomeCount(name: keyof typeof HOME_COUNTS) {
  return useQuery({ queryKey: ['home-count', name], queryFn: HOME_COUNTS[name] });
}

/** The caller's home figures (overdue, due this week, awaiting me): GET /api/me/figures, district case roles only. */
export const MY_FIGURES_KEY = ['/api/me/figures'] as const;
export function useMyFigures(enabled = true) {
  return useQuery({
    queryKey: MY_FIGURES_KEY,
    queryFn: () => unwrap(api.GET('/api/me/figures')),
    enabled,
    // Figures move with the work: refreshed when the window regains focus and every minute while a home is open.
    refetchInterval: 60_000,
    staleTime: 0,
  });
}
