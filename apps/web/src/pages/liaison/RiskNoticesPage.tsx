import { Alert, Card, Table, Typography } from 'antd';
import { Mark, empty } from '../../components/Mark';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useRiskNotices } from './api';

const STATES: Record<string, string> = { draft: '草稿', submitted: '待审批', approved: '已批准', sent: '已送达部门', acknowledged: '部门已签收', responded: '部门已回复', closed: '已办结' };

/** 风险提示函: every notice, newest first, with its next due date and how many departments replied. */
export default function RiskNoticesPage() {
  const q = useRiskNotices();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>风险提示函</Typography.Title>
      <Typography.Paragraph type="secondary">从群体性纠纷线索起草风险提示函：在“府院联动”中打开线索，按建议起草。</Typography.Paragraph>
      <Card size="small">
        {q.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} /> : (
          <Table size="small" rowKey="id" loading={q.isPending} pagination={false} aria-label="风险提示函" dataSource={q.data?.items ?? []} locale={empty('没有风险提示函')}
            columns={[
              { title: '标题', key: 't', render: (_: unknown, n) => <Link to={`/liaison/risk-notices/${n.id}`}>{n.title}</Link> },
              { title: '状态', dataIndex: 'state', width: 100, render: (s: string) => <Mark kind="neutral">{STATES[s] ?? s}</Mark> },
              { title: '发送日期', dataIndex: 'sentOn', width: 110, render: (v: string | null) => v ?? '—' },
              { title: '最近回复期限', key: 'd', width: 150, render: (_: unknown, n) => (n.nextDue ? <>{n.nextDue}{n.dueProvisional && <Mark kind="warn">暂定</Mark>}</> : '—') },
              { title: '已回复', key: 'r', width: 90, render: (_: unknown, n) => `${n.responded}/${n.recipients}` },
            ]} />
        )}
      </Card>
    </>
  );
}
