import { Badge, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { shanghaiDate, shanghaiDateTime } from '@fuyi/kernel';
import { caseNumberColumn, partyColumns, QueueCard } from '../../components/QueueCard';
import { useIntakeQueue, type IntakeRow } from './api';

/** Due today or past (the API deems it accepted at the end of the last day, ARL 30): a red or orange dot beside the date. */
function DueTag({ due }: { due: string }) {
  const today = shanghaiDate(new Date());
  if (due < today) return <Badge status="error" text={`${due}（已届满）`} />;
  if (due === today) return <Badge status="warning" text={`${due}（今日届满）`} />;
  return <Badge status="processing" text={due} />;
}

/** 收件审查: the applications every township received, oldest first, each with its acceptance-review due date (ARL 30). */
export default function IntakeQueuePage() {
  const q = useIntakeQueue();
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        收件审查
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        各分中心收到的复议申请，按收件时间从早到晚排列。应自收到申请之日起5个工作日内审查，决定受理、通知补正或不予受理；期限届满未决定不予受理的视为受理（《行政复议法》第三十条）。
      </Typography.Paragraph>
      <QueueCard<IntakeRow>
        q={q}
        rows={rows}
        size="middle"
        label="待受理审查的申请"
        testId="intake-queue"
        empty="没有待审查的申请"
        columns={[
          caseNumberColumn((r) => `/intake/${r.caseId}`, 190),
          { title: '收件分中心', dataIndex: 'township', width: 110 },
          { title: '收件时间', dataIndex: 'receiptAt', width: 150, render: (v: string) => shanghaiDateTime(new Date(v)) },
          ...partyColumns<IntakeRow>(),
          {
            title: '受理审查期限',
            dataIndex: 'acceptanceDue',
            width: 170,
            render: (v: string, r) => (
              <>
                <DueTag due={v} />
                {r.lateApplication && (
                  <Tooltip title={r.lateApplication.warning}>
                    <Typography.Text style={{ display: 'block', color: '#a8071a' }}>
                      {r.lateApplication.late ? `超申请期限 ${r.lateApplication.daysOver} 日` : '须核对申请期限'}
                    </Typography.Text>
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            title: '操作',
            key: 'open',
            width: 80,
            render: (_, r) => (
              <Link to={`/intake/${r.caseId}`} aria-label={`审查 ${r.caseNumber}`}>
                审查
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
