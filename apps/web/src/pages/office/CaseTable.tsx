import { Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { WorkItem } from './api';

/** The flags of a case, each its own colour (red-yellow-green convention: overdue red, paused grey, extended blue). */
export function FlagTags({ flags }: { flags: WorkItem['flags'] }) {
  return (
    <Space size={4} wrap>
      {flags.overdue && <Tag color="red">已超期</Tag>}
      {flags.paused && <Tag color="default">期限中止</Tag>}
      {flags.extended && <Tag color="blue">已延期</Tag>}
    </Space>
  );
}

/** Remaining working days of the nearest clock, in the office's words. */
function nearest(r: WorkItem): string {
  if (!r.nextDue) return '—';
  const c = r.clocks.find((k) => k.due === r.nextDue) ?? r.clocks[0];
  if (!c) return r.nextDue;
  if (c.status === 'paused') return `${r.nextDue}（中止）`;
  if (c.remainingWorkingDays < 0) return `${r.nextDue} 超期${-c.remainingWorkingDays}个工作日`;
  return `${r.nextDue} 剩${c.remainingWorkingDays}个工作日`;
}

/** Cases as the office lists them; the number links to the case page. `action` adds a last column. */
export function CaseTable<T extends WorkItem>(props: {
  rows: T[];
  label: string;
  testId: string;
  loading?: boolean;
  empty?: string;
  action?: { title: string; render: (r: T) => ReactNode };
  rowKey?: (r: T) => string;
}) {
  return (
    <Table<T>
      rowKey={props.rowKey ?? ((r) => r.caseId)}
      size="middle"
      dataSource={props.rows}
      loading={props.loading}
      pagination={false}
      aria-label={props.label}
      data-testid={props.testId}
      locale={{ emptyText: <Typography.Text type="secondary">{props.empty ?? '没有符合条件的案件'}</Typography.Text> }}
      columns={[
        {
          title: '案件编号',
          dataIndex: 'caseNumber',
          width: 170,
          render: (v: string, r) => (
            <Link to={`/cases/${r.caseId}`} style={{ whiteSpace: 'nowrap' }}>
              {v}
            </Link>
          ),
        },
        { title: '状态', dataIndex: 'stateLabel', width: 96 },
        { title: '申请人', dataIndex: 'applicants', ellipsis: true },
        { title: '被申请人', dataIndex: 'respondent', ellipsis: true },
        ...(props.action ? [] : [{ title: '分中心', dataIndex: 'township', width: 80 }]),
        {
          title: '承办人',
          dataIndex: 'handler',
          width: 100,
          render: (v: string | null) => v ?? <Typography.Text type="secondary">未分配</Typography.Text>,
        },
        { title: '最近期限', key: 'due', width: 180, render: (_, r) => nearest(r) },
        { title: '标记', key: 'flags', width: 90, render: (_, r) => <FlagTags flags={r.flags} /> },
        ...(props.action
          ? [{ title: props.action.title, key: 'action', width: 150, render: (_: unknown, r: T) => props.action!.render(r) }]
          : []),
      ]}
    />
  );
}
