import { CASE_CATEGORIES } from '@fuyi/cases';

/** How a statistics table is broken down (domain.md §8): one row per value of the dimension, or one total row. */
export type Dimension = 'total' | 'township' | 'respondent' | 'category' | 'procedure';
export const DIMENSIONS: readonly Dimension[] = ['total', 'township', 'respondent', 'category', 'procedure'];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  total: '合计', township: '接收窗口（街乡镇）', respondent: '被申请人', category: '案件类别', procedure: '审理程序',
};

/** Grouping key and label per dimension, as SQL over the facts alias `f` (see case-facts.ts). */
export const DIMENSION_SQL: Record<Dimension, { key: string; label: string; join: string }> = {
  total: { key: `'total'`, label: `'合计'`, join: '' },
  // A case received at the district office (no township counter) has its own row.
  township: { key: `coalesce(f.township_id::text, 'district')`, label: `coalesce(t.name, '区复议机构')`, join: 'LEFT JOIN townships t ON t.id = f.township_id' },
  respondent: { key: 'f.respondent_department_id::text', label: 'd.name', join: 'LEFT JOIN departments d ON d.id = f.respondent_department_id' },
  category: { key: 'f.category', label: 'f.category', join: '' },
  procedure: { key: `coalesce(f.procedure, 'undetermined')`, label: `coalesce(f.procedure, 'undetermined')`, join: '' },
};

const PROCEDURE_LABELS: Record<string, string> = { ordinary: '普通程序', simplified: '简易程序', undetermined: '未确定程序（未受理）' };

/** The Chinese label of a row: SQL gives names for townships and departments, codes for the rest. */
export function rowLabel(dimension: Dimension, key: string, sqlLabel: string | null): string {
  if (dimension === 'category') return CASE_CATEGORIES[key as keyof typeof CASE_CATEGORIES] ?? key;
  if (dimension === 'procedure') return PROCEDURE_LABELS[key] ?? key;
  return sqlLabel ?? key;
}

/** The SQL condition that selects one row of a dimension (for drill-down), with its parameter. */
export function dimensionFilter(dimension: Dimension, key: string | undefined, param: number): { sql: string; params: unknown[] } {
  if (dimension === 'total' || key === undefined) return { sql: '', params: [] };
  return { sql: ` AND ${DIMENSION_SQL[dimension].key} = $${param}`, params: [key] };
}
