import { Space, Statistic, Typography } from 'antd';
import { shanghaiDate } from '@fuyi/kernel';
import { ClockBadge } from '../../components/ClockBadge';
import { caseNumberColumn, partyColumns, QueueCard } from '../../components/QueueCard';
import { useMyQueue, type QueueItem } from './api';
import { CLOCK_RULES, PROCEDURES } from './labels';

/** The clocks worth a badge: the open ones (running or paused). */
const open = (i: QueueItem) => i.clocks.filter((k) => k.status === 'running' || k.status === 'paused');

/** 我的案件: the handler's open cases, nearest due date first, each clock with its red-yellow-green light. */
export default function MyQueuePage() {
  const q = useMyQueue();
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
      {q.data && <Statistic title="我承办的案件" value={`${rows.length}${q.hasNextPage ? '+' : ''}`} style={{ marginBottom: 12 }} />}
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
