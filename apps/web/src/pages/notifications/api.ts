import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';

export type Notice = components['schemas']['NotificationsListResponse']['items'][number];

const INBOX = ['/api/notifications'] as const;

/** 站内通知, newest first, 30 at a time; `unreadOnly` narrows to what is still unread. */
export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...INBOX, { unreadOnly }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/notifications', {
          params: {
            query: { limit: 30, ...(unreadOnly ? { unreadOnly: 'true' as const } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Marking read refreshes the list and the header's badge (both keys start with /api/notifications). */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      if (id === 'all') await unwrap(api.POST('/api/notifications/read-all'));
      else await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: INBOX }),
  });
}
