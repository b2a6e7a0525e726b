import { Alert, Skeleton, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';

type WorkFile = components['schemas']['MediationFilesWorkListResponse']['files'][number];

/** ?due=soon (a home figure opens it so): the time limit ends within 3 days or has passed. */
const DUE_FILTERS = { soon: '调解期限3日内届满或已届满' } as const;
type Due = keyof typeof DUE_FILTERS;
const isDue = (s: string | null): s is Due => !!s && Object.hasOwn(DUE_FILTERS, s);

/**
 * 我的调解: the mediator's files in progress (GET /mediation/work-list), nearest time limit first, optionally only those
 * due soon: the rows the home figures count.
 */
export function MyMediationFiles() {
  const location = useLocation();
  const navigate = useNavigate();
  const raw = new URLSearchParams(location.search).get('due');
  const due = isDue(raw) ? raw : undefined;
  const q = useQuery({
    queryKey: ['/api/mediation/work-list', due ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/mediation/work-list', { params: { query: due ? { due } : {} } })),
  });
  if (q.isError) return <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />;
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <>
      {due && (
        <Tag closable color="blue" onClose={() => void navigate(location.pathname)} data-testid="work-list-filter" style={{ marginBottom: 12 }}>
          筛选：{DUE_FILTERS[due]}
        </Tag>
      )}
      <Table<WorkFile>
        rowKey="id"
        size="middle"
        dataSource={q.data.files}
        pagination={false}
        aria-label="我的在办调解案件"
        data-testid="mediation-work-list"
        locale={{ emptyText: <Typography.Text type="secondary">没有符合条件的在办调解案件</Typography.Text> }}
        columns={[
          { title: '类别', dataIndex: 'categoryLabel', width: 140 },
          { title: '来源', dataIndex: 'sourceLabel', width: 140 },
          { title: '被申请人', dataIndex: 'respondent', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '关联案件', dataIndex: 'caseNumber', width: 190, render: (v: string | null) => v ?? '—' },
          { title: '阶段', dataIndex: 'stateLabel', width: 170 },
          { title: '调解期限', dataIndex: 'mediationDue', width: 120, render: (v: string | null) => v ?? '尚未开始' },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        待分配的引导调解：{q.data.unassignedPool} 件
      </Typography.Paragraph>
    </>
  );
}
