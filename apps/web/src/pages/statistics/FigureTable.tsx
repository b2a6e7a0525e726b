import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { percent } from './OverviewSection';

export interface FigureColumn {
  key: string;
  title: string;
  kind: 'count' | 'rate';
  /** The drill-down a count opens, when the API has one for it. */
  open?: (row: FigureRow) => void;
}

export interface FigureRow {
  key: string;
  label: string;
  values: Record<string, number | null>;
  total?: boolean;
}

/** A statistics table: a row per group, a bold 合计 row, counts as links to the list they count. */
export function FigureTable({ rows, columns, label, testId, first = '名称' }: { rows: FigureRow[]; columns: FigureColumn[]; label: string; testId: string; first?: string }) {
  const cols: ColumnsType<FigureRow> = [
    { title: first, dataIndex: 'label', width: 180, render: (v: string, r) => (r.total ? <strong>{v}</strong> : v) },
    ...columns.map((c) => ({
      title: c.title,
      key: c.key,
      align: 'right' as const,
      width: 110,
      render: (_: unknown, r: FigureRow) => {
        const v = r.values[c.key] ?? null;
        if (c.kind === 'rate') return percent(v);
        if (!c.open || !v) return v ?? 0;
        return (
          <Button type="link" size="small" style={{ padding: 0, fontWeight: r.total ? 600 : undefined }} onClick={() => c.open!(r)} aria-label={`${r.label} ${c.title} ${v}，查看清单`}>
            {v}
          </Button>
        );
      },
    })),
  ];
  // A wide table scrolls in a focusable region, so that keyboard users can scroll it too (WCAG 2.1.1).
  return (
    <div role="region" aria-label={`${label}（可左右滚动）`} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table<FigureRow> size="small" rowKey="key" columns={cols} dataSource={rows} pagination={false} aria-label={label} data-testid={testId} style={{ minWidth: 'max-content' }} />
    </div>
  );
}
