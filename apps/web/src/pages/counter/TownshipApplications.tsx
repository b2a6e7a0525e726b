import { useState } from 'react';
import { Alert, Badge, Button, Skeleton, Table, Tag, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { shanghaiDateTime } from '@fuyi/kernel';
import { errorMessage } from '../../api/errors';
import { APPLICATION_STAGE_FILTERS, isStageFilter, useTownshipApplications, type ApplicationRow } from './api';
import { CorrectionReceivedModal } from './CorrectionReceivedModal';

/** The stage as a coloured dot beside dark text: Ant Design's light tags fall short of WCAG AA contrast for text. */
const STATE_STATUS: Record<string, 'processing' | 'warning' | 'success' | 'error' | 'default'> = {
  registered: 'processing',
  correction_requested: 'warning',
  accepted: 'success',
  refused: 'error',
  abandoned: 'default',
};

const when = (iso: string) => (iso ? shanghaiDateTime(new Date(iso)) : '—');

/**
 * 本分中心的复议申请, newest first, with the stage each is at; "收到补正材料" shows where the row's `allowedActions` lists
 * `receive_correction` (the server's word, not the client's reading of the state).
 */
export function TownshipApplications() {
  // ?state= narrows the list to one stage (a home figure opens it so); useLocation keeps the search-params code out.
  const location = useLocation();
  const navigate = useNavigate();
  const raw = new URLSearchParams(location.search).get('state');
  const state = isStageFilter(raw) ? raw : undefined;
  const q = useTownshipApplications(state);
  const [correcting, setCorrecting] = useState<ApplicationRow | null>(null);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isError) return <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />;
  // A skeleton while the first page loads: a table under a half-transparent loading mask is unreadable (and fails contrast).
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <>
      {state && (
        <Tag closable color="blue" onClose={() => void navigate(location.pathname)} data-testid="applications-filter" style={{ marginBottom: 12 }}>
          筛选：{APPLICATION_STAGE_FILTERS[state]}
        </Tag>
      )}
      <Table<ApplicationRow>
        rowKey="caseId"
        size="middle"
        dataSource={rows}
        pagination={false}
        aria-label="本分中心的复议申请"
        data-testid="township-applications"
        locale={{ emptyText: <Typography.Text type="secondary">本分中心还没有登记复议申请</Typography.Text> }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNumber',
            width: 190,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          { title: '申请人', dataIndex: 'applicants', ellipsis: true },
          { title: '被申请人', dataIndex: 'respondent', ellipsis: true },
          { title: '收件时间', dataIndex: 'receiptAt', width: 150, render: (v: string) => when(v) },
          {
            title: '阶段',
            dataIndex: 'stateLabel',
            width: 130,
            render: (label: string, r) => <Badge status={STATE_STATUS[r.state] ?? 'default'} text={label} />,
          },
          { title: '受理审查期限', dataIndex: 'acceptanceDue', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_, r) =>
              r.allowedActions.some((a) => a.action === 'receive_correction') ? (
                <Button size="small" onClick={() => setCorrecting(r)}>
                  收到补正材料
                </Button>
              ) : null,
          },
        ]}
      />
      {q.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          加载更多
        </Button>
      )}
      {correcting && <CorrectionReceivedModal row={correcting} onClose={() => setCorrecting(null)} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        申请人补正后，在“操作”中登记收到补正材料的日期；受理审查自该日重新计算。
      </Typography.Paragraph>
    </>
  );
}
