import { Card, Descriptions, Statistic, Typography } from 'antd';
import { HomeFigures } from '../../components/HomeFigures';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ApprovalList } from './ApprovalList';
import { useApprovals, useDecideApproval, usePendingRequest, type ApprovalItem } from './api';

const GROUNDS = [
  '',
  '申请人撤回申请',
  '申请人死亡无近亲属或放弃',
  '法人终止无承受者或放弃',
  '因同一行为提起诉讼已受理',
  '中止满六十日原因仍未消除',
];

/** The handler's request (reason, days or ground) as submitted: what the head approves. */
function RequestDetail({ item }: { item: ApprovalItem }) {
  const q = usePendingRequest(item.caseId, item.kind);
  if (item.kind === 'decision' || !q.data) return null;
  const p = q.data.payload;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
      {p.days !== undefined && <Descriptions.Item label="申请延长">{p.days} 日</Descriptions.Item>}
      {p.ground !== undefined && (
        <Descriptions.Item label="终止情形">
          第四十一条第（{p.ground}）项 {GROUNDS[p.ground] ?? ''}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="理由">{p.reason}</Descriptions.Item>
    </Descriptions>
  );
}

/** 待我审批 (issue 13 item 7): decisions, extensions and terminations awaiting the head. */
export default function ApprovalsPage() {
  const q = useApprovals();
  const decide = useDecideApproval();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        待我审批
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        承办人提交的行政复议决定、延长审理期限申请和终止申请。审批人不能是提交人本人；批准或退回前请核对案件的最新情况。
      </Typography.Paragraph>
      <HomeFigures />
      <Card size="small">
        <Statistic title="待审批事项" value={q.data ? q.data.length : '—'} loading={q.isPending} style={{ marginBottom: 12 }} />
        <ApiErrorAlert error={q.error} />
        <ApprovalList
          items={q.data ?? []}
          loading={q.isPending}
          decide={(d) => decide.mutateAsync(d)}
          onReload={() => void q.refetch()}
          detail={(item) => <RequestDetail item={item} />}
        />
      </Card>
    </>
  );
}
