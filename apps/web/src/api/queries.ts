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
/** The caller's home figures (what is overdue, due this week, awaiting them: each role its own): GET /api/me/figures. */
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
