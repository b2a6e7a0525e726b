import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';

export type UserRow = components['schemas']['UsersListResponse']['items'][number];
export type CreateUserBody = components['schemas']['CreateUserDto'];
export type CalendarYear = components['schemas']['CalendarListResponse'];
export type CalendarDay = CalendarYear['days'][number];
export type DayKind = components['schemas']['SetCalendarDayDto']['kind'];
export type CalendarPreview = components['schemas']['CalendarPreviewSetDayResponse'];
export type ReminderPolicy = components['schemas']['CalendarPoliciesResponse'][number];
export type DeadLetter = components['schemas']['NotificationsDeadLettersResponse']['items'][number];

/** Every user in one page (the API pages by username, at most 500: a district's staff fits); filters apply on the page. */
export function useUsers() {
  return useQuery({ queryKey: ['/api/users'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 500 } } })) });
}

function useUserMutation<V>(fn: (v: V) => Promise<UserRow>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void qc.invalidateQueries({ queryKey: ['/api/users'] }) });
}

export const useCreateUser = () => useUserMutation((body: CreateUserBody) => unwrap(api.POST('/api/users', { body })));
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) =>
    unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { password } })),
  );
export const useDeactivate = () =>
  useUserMutation((id: string) => unwrap(api.POST('/api/users/{id}/deactivate', { params: { path: { id } } })));
export const useChangeRole = () =>
  useUserMutation(({ id, ...body }: { id: string } & components['schemas']['ChangeRoleDto']) =>
    unwrap(api.PUT('/api/users/{id}/role', { params: { path: { id } }, body })),
  );
export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: { id: string } & components['schemas']['UpdateUserDto']) =>
    unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
  );

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['/api/calendar', year],
    queryFn: () => unwrap(api.GET('/api/calendar/{year}', { params: { path: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCalendarVersions() {
  return useQuery({ queryKey: ['/api/calendar-versions'], queryFn: () => unwrap(api.GET('/api/calendar-versions', { params: { query: { limit: 10 } } })) });
}

/** A calendar change as the administrator words it: one day marked or cleared, or a year's arrangement loaded. */
export type CalendarChange =
  | { type: 'set'; date: string; kind: DayKind; name: string; reason: string }
  | { type: 'remove'; date: string; reason: string }
  | { type: 'load'; year: number; reason: string };

/** What the change would move, written nowhere (the API's preview routes take the change's own body). */
export function previewChange(c: CalendarChange): Promise<CalendarPreview> {
  if (c.type === 'set') {
    const body = { date: c.date, kind: c.kind, name: c.name, reason: c.reason };
    return unwrap(api.POST('/api/calendar/days/{date}/preview', { params: { path: { date: c.date } }, body }));
  }
  if (c.type === 'remove') {
    return unwrap(api.POST('/api/calendar/days/{date}/removal-preview', { params: { path: { date: c.date } }, body: { reason: c.reason } }));
  }
  return unwrap(api.POST('/api/calendar/years/{year}/load-preview', { params: { path: { year: c.year } }, body: { reason: c.reason } }));
}

export function applyChange(c: CalendarChange) {
  if (c.type === 'set') {
    const body = { date: c.date, kind: c.kind, name: c.name, reason: c.reason };
    return unwrap(api.PUT('/api/calendar/days/{date}', { params: { path: { date: c.date } }, body }));
  }
  if (c.type === 'remove') {
    return unwrap(api.DELETE('/api/calendar/days/{date}', { params: { path: { date: c.date } }, body: { reason: c.reason } }));
  }
  return unwrap(api.POST('/api/calendar/years/{year}/load', { params: { path: { year: c.year } }, body: { reason: c.reason } }));
}

export function useApplyChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: applyChange,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['/api/calendar'] });
      void qc.invalidateQueries({ queryKey: ['/api/calendar-versions'] });
    },
  });
}

export function usePolicies() {
  return useQuery({ queryKey: ['/api/reminder-policies'], queryFn: () => unwrap(api.GET('/api/reminder-policies')) });
}

export function useSetPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, recipientRole, offsets, overdueDaily }: ReminderPolicy) =>
      unwrap(api.PUT('/api/reminder-policies/{rule}/{recipientRole}', { params: { path: { rule, recipientRole } }, body: { offsets, overdueDaily } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['/api/reminder-policies'] }),
  });
}

export function useDeadLetters(cursor?: string) {
  return useQuery({
    queryKey: ['/api/deliveries/dead-letters', cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/deliveries/dead-letters', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** The queue board (Bull Board) is served by the api; a 15-minute cookie lets the browser open it in a new tab. */
export const openQueueBoardSession = () => unwrap(api.POST('/api/admin/queues-session'));
