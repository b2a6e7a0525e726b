import { useQuery } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from './client';

export type Department = components['schemas']['ReferenceDepartmentsResponse'][number];
export type Township = components['schemas']['ReferenceTownshipsResponse'][number];
export type Categories = components['schemas']['ReferenceCategoriesResponse'];

/** Reference data changes with a deploy or an administrator's seed, not during a shift: loaded once per session. */
const ONCE = { staleTime: Infinity, gcTime: Infinity } as const;

export function useDepartments() {
  return useQuery({ queryKey: ['/api/reference/departments'], queryFn: () => unwrap(api.GET('/api/reference/departments')), ...ONCE });
}

export function useTownships() {
  return useQuery({ queryKey: ['/api/reference/townships'], queryFn: () => unwrap(api.GET('/api/reference/townships')), ...ONCE });
}

export function useCategories() {
  return useQuery({ queryKey: ['/api/reference/categories'], queryFn: () => unwrap(api.GET('/api/reference/categories')), ...ONCE });
}

/** The respondent picker's options: district departments first, then the street and town governments (about 30% of cases). */
export function respondentOptions(departments: readonly Department[]) {
  const district = departments.filter((d) => d.townshipId === null);
  const townships = departments.filter((d) => d.townshipId !== null);
  const opts = (list: readonly Department[]) => list.map((d) => ({ value: d.id, label: d.name }));
  return [
    { label: '区级部门', options: opts(district) },
    { label: '街乡镇人民政府（办事处）', options: opts(townships) },
  ].filter((g) => g.options.length > 0);
}
