import { Space, Statistic, Tag, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { shanghaiDate } from '@fuyi/kernel';
import { ClockBadge } from '../../components/ClockBadge';
import { HomeFigures } from '../../components/HomeFigures';
import { caseNumberColumn, partyColumns, QueueCard } from '../../components/QueueCard';
import { useMyQueue, type QueueFlag, type QueueItem } from './api';
import { CLOCK_RULES, PROCEDURES } from './labels';

/** The clocks worth a badge: the open ones (running or paused). */
const open = (i: QueueItem) => i.clocks.filter((k) => k.status === 'running' || k.status === 'paused');

/** The filters a home figure opens the queue with (?flag=…), as the API names them. */
const FLAG_LABELS: Record<QueueFlag, string> = { overdue: '已超期', dueThisWeek: '本周到期', paused: '期限中止', extended: '已延期' };
const isFlag = (v: string | null): v is QueueFlag => v !== null && v in FLAG_LABELS;

/** 我的案件: the handler's open cases, nearest due date first, each clock with its red-yellow-green light. */
export default function MyQueuePage() {
  // Read with useLocation, not useSearchParams: the router lives in the first page's chunk, which must not grow.
  const location = useLocation();
  const navigate = useNavigate();
  const raw = new URLSearchParams(location.search).get('flag');
  const flag = isFlag(raw) ? raw : undefined;
  const q = useMyQueue(flag);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const today = shanghaiDate(new Date());
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        我的案件
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        红灯：已超过期限；黄灯：剩余5个工作日以内；绿灯：期限充裕。灰色“已中止”表示期限暂停计算，“已延期”“暂定”另有标注。
      </Typography.Paragraph>
      <HomeFigures />
      {flag && (
        <Tag closable color="blue" onClose={() => void navigate(location.pathname)} data-testid="queue-filter" style={{ marginBottom: 12 }}>
          筛选：{FLAG_LABELS[flag]}
        </Tag>
      )}
      {q.data && (
        <Statistic
          title={flag ? `我承办的案件（${FLAG_LABELS[flag]}）` : '我承办的案件'}
          value={`${rows.length}${q.hasNextPage ? '+' : ''}`}
          style={{ marginBottom: 12 }}
          data-testid="queue-count"
        />
      )}
      <QueueCard<QueueItem>
        q={q}
        rows={rows}
        label="我承办的案件"
        testId="my-queue"
        empty="没有正在承办的案件"
        columns={[
          caseNumberColumn((r) => `/cases/${r.caseId}`, 180),
          ...partyColumns<QueueItem>(),
          { title: '状态', dataIndex: 'stateLabel', width: 100 },
          { title: '程序', dataIndex: 'procedure', width: 90, render: (v: string) => PROCEDURES[v] ?? v },
          {
            title: '期限预警',
            key: 'clocks',
            width: 330,
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                {open(r).map((k) => (
                  <span key={k.rule}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {CLOCK_RULES[k.rule] ?? k.rule} {k.due}
                    </Typography.Text>
                    <br />
                    <ClockBadge clock={k} today={today} />
                  </span>
                ))}
                {open(r).length === 0 && <Typography.Text type="secondary">无进行中的期限</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
