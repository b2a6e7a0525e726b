import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { components, operations } from '@generated/api-types';
import { api, unwrap } from '../../api/client';

export type WorkItem = components['schemas']['WorkViewsOfficeResponse']['items'][number];
export type SearchItem = components['schemas']['WorkViewsSearchResponse']['items'][number];
export type OfficeFilters = Omit<NonNullable<operations['workViews_office']['parameters']['query']>, 'limit' | 'cursor'>;

/** The open states the office view filters by (the API refuses a closed one), in the order a case moves. */
export const OPEN_STATES: Array<{ value: NonNullable<OfficeFilters['state']>; label: string }> = [
  { value: 'registered', label: '待受理审查' },
  { value: 'correction_requested', label: '待补正' },
  { value: 'accepted', label: '已受理' },
  { value: 'suspended', label: '中止审理' },
  { value: 'decision_pending', label: '决定待审批' },
  { value: 'decided', label: '已作出决定' },
  { value: 'served', label: '已送达' },
];

export const FLAGS: Array<{ value: NonNullable<OfficeFilters['flag']>; label: string }> = [
  { value: 'overdue', label: '已超期' },
  { value: 'paused', label: '期限中止' },
  { value: 'extended', label: '已延期' },
  { value: 'dueThisWeek', label: '本周到期' },
];

/** The filters a link may open the office view with (?flag=overdue&state=accepted: a home figure's list). */
export function filtersFromUrl(params: URLSearchParams): OfficeFilters {
  const flag = FLAGS.find((f) => f.value === params.get('flag'))?.value;
  const state = OPEN_STATES.find((s) => s.value === params.get('state'))?.value;
  return { ...(flag ? { flag } : {}), ...(state ? { state } : {}) };
}

/** 办案总览: one page of open cases, nearest due first (the API's order); the cursor pages on. */
export function useOfficeView(filters: OfficeFilters, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: ['/api/work/office', filters, cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/work/office', { params: { query: { ...filters, limit: 20, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** What the search form sends: a case number (query string), or part of a name or an ID number (POST body only). */
export type SearchTerm = { by: 'caseNumber' | 'name' | 'idNumber'; value: string };

/**
 * Search. A name and an ID number travel only in a POST body (never in a URL, the browser's history or a server log),
 * and are kept out of the query cache's keys too: this is a mutation, not a query.
 */
export function useCaseSearch() {
  return useMutation({
    mutationFn: async ({ by, value }: SearchTerm) => {
      const term = value.trim();
      if (by === 'idNumber') {
        return unwrap(api.POST('/api/work/search/id-number', { body: { idNumber: term.toUpperCase(), limit: 20 } }));
      }
      if (by === 'name') return unwrap(api.POST('/api/work/search/name', { body: { name: term, limit: 20 } }));
      return unwrap(api.GET('/api/work/search', { params: { query: { caseNumber: term } } }));
    },
  });
}
