import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components, operations } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../api/save-blob';

export type Overview = components['schemas']['StatisticsOverviewResponse'];
export type OverviewRow = Overview['rows'][number];
export type Dimension = NonNullable<NonNullable<operations['statistics_overview']['parameters']['query']>['by']>;
export type CaseFigure = operations['statistics_figureCases']['parameters']['query']['figure'];
export type ClockFigure = operations['statistics_clockCases']['parameters']['query']['figure'];
export type HeadFigure = operations['statistics_headItems']['parameters']['query']['figure'];
export type ExportTable = operations['statistics_export']['parameters']['query']['table'];

export interface Period {
  from: string;
  to: string;
}

export const DIMENSIONS: Array<{ value: Dimension; label: string }> = [
  { value: 'total', label: '合计' },
  { value: 'township', label: '接收窗口' },
  { value: 'respondent', label: '被申请人' },
  { value: 'category', label: '案件类别' },
  { value: 'procedure', label: '审理程序' },
];

/** What a click on a figure opens: the list of what it counts, through the API's drill-down routes. */
export type Drill =
  | { kind: 'cases'; title: string; figure: CaseFigure; part?: 'numerator' | 'denominator'; by: Dimension; key?: string }
  | { kind: 'clockCases'; title: string; rule: string; figure: ClockFigure }
  | { kind: 'headItems'; title: string; figure: HeadFigure; key?: string };

/** Each figure's label and definition (GET /statistics/figures): the page's labels and tooltips. */
export function useFigureCatalogue() {
  return useQuery({ queryKey: ['/api/statistics/figures'], queryFn: () => unwrap(api.GET('/api/statistics/figures')), staleTime: Infinity });
}

export function useOverview(p: Period, by: Dimension) {
  return useQuery({
    queryKey: ['/api/statistics/overview', p, by],
    queryFn: () => unwrap(api.GET('/api/statistics/overview', { params: { query: { ...p, by } } })),
    placeholderData: keepPreviousData,
  });
}

export function useClockFigures(p: Period) {
  return useQuery({ queryKey: ['/api/statistics/clocks', p], queryFn: () => unwrap(api.GET('/api/statistics/clocks', { params: { query: p } })) });
}

export function useHeadFigures(p: Period) {
  return useQuery({ queryKey: ['/api/statistics/heads', p], queryFn: () => unwrap(api.GET('/api/statistics/heads', { params: { query: p } })) });
}

export function useLiaisonStats(p: Period) {
  return useQuery({ queryKey: ['/api/liaison/stats', p], queryFn: () => unwrap(api.GET('/api/liaison/stats', { params: { query: p } })) });
}

const PAGE_SIZE = 20;

/** One page of a drill-down list, with its total (the figure itself). */
export function useDrill(d: Drill | null, p: Period, page: number) {
  return useQuery({
    queryKey: ['/api/statistics/drill', d, p, page],
    enabled: d !== null,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const paged = { ...p, page, pageSize: PAGE_SIZE };
      if (d!.kind === 'cases') {
        const { figure, part, by, key } = d!;
        const r = await unwrap(api.GET('/api/statistics/cases', { params: { query: { ...paged, figure, by, ...(part ? { part } : {}), ...(key ? { key } : {}) } } }));
        return { total: r.total, items: r.items as Array<Record<string, unknown>> };
      }
      if (d!.kind === 'clockCases') {
        const r = await unwrap(api.GET('/api/statistics/clocks/cases', { params: { query: { ...paged, rule: d!.rule, figure: d!.figure } } }));
        return { total: r.total, items: r.items as Array<Record<string, unknown>> };
      }
      const { figure, key } = d!;
      const r = await unwrap(api.GET('/api/statistics/heads/items', { params: { query: { ...paged, figure, ...(key ? { key } : {}) } } }));
      return { total: r.total, items: r.items as Array<Record<string, unknown>> };
    },
  });
}
export const DRILL_PAGE_SIZE = PAGE_SIZE;

/** The export query of a drill-down list: the same figure, row and period as the list on the screen. */
export function drillExport(d: Drill): { table: ExportTable; figure: string; part?: 'numerator' | 'denominator'; by?: Dimension; key?: string; rule?: string } {
  if (d.kind === 'cases') return { table: 'cases', figure: d.figure, by: d.by, ...(d.part ? { part: d.part } : {}), ...(d.key ? { key: d.key } : {}) };
  if (d.kind === 'clockCases') return { table: 'clockCases', figure: d.figure, rule: d.rule };
  return { table: 'headItems', figure: d.figure, ...(d.key ? { key: d.key } : {}) };
}


type ExportQuery = NonNullable<operations['statistics_export']['parameters']['query']>;

/** Downloads a table as .xlsx (GET /statistics/export) through the typed client, with the access token. */
export async function downloadXlsx(query: ExportQuery, name: string): Promise<void> {
  const blob = await unwrap(api.GET('/api/statistics/export', { params: { query }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `${name}.xlsx`);
}

/** The yearly report (.docx, the office's document format) with the main tables. */
export async function downloadYearlyReport(year: number): Promise<void> {
  const blob = await unwrap(api.GET('/api/statistics/yearly-report', { params: { query: { year } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `${year}年度行政复议工作统计.docx`);
}
