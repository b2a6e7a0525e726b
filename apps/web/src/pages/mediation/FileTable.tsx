import type { ReactNode } from 'react';
import { Table } from 'antd';
import { Mark, empty, beijingDay } from '../../components/Mark';
import { Link } from 'react-router';
import type { FileSummary } from './api';

/** How a file is named in lists: its case number, else the court's reference, else the source. */
export const fileLabel = (f: Pick<FileSummary, 'caseNumber' | 'sourceLabel' | 'createdAt'>) => f.caseNumber ?? `${f.sourceLabel}（${beijingDay(f.createdAt)}）`;

/** Mediation files as a table; each links to its page. `action` adds a last column (e.g. 指派). */
export function FileTable({ files, loading, label, action }: { files: FileSummary[]; loading: boolean; label: string; action?: (f: FileSummary) => ReactNode }) {
  return (
    <Table
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      aria-label={label}
      data-testid="file-table"
      dataSource={files}
      locale={empty('没有调解案件')}
      columns={[
        { title: '调解案件', key: 'n', render: (_: unknown, f) => <Link to={`/mediation/files/${f.id}`}>{fileLabel(f)}</Link> },
        { title: '来源', dataIndex: 'sourceLabel', ellipsis: true },
        { title: '类别', dataIndex: 'categoryLabel', width: 110 },
        { title: '被申请人', dataIndex: 'respondent', ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: '状态', dataIndex: 'stateLabel', width: 150, render: (v: string) => <Mark kind="neutral">{v}</Mark> },
        {
          title: '调解期限',
          key: 'due',
          width: 170,
          render: (_: unknown, f) => (
            <>
              {f.mediationDue ?? '接收后起算'}
              {f.warnings.length > 0 && <Mark kind="warn" title={f.warnings.map((w) => w.message).join('；')}>申请期限提示</Mark>}
            </>
          ),
        },
        ...(action ? [{ title: '操作', key: 'a', width: 160, render: (_: unknown, f: FileSummary) => action(f) }] : []),
      ]}
    />
  );
}
