import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { openQueueBoardSession, useDeadLetters, type DeadLetter } from './api';

const CHANNELS: Record<string, string> = { sms: '短信', email: '电子邮件', webhook: 'Webhook' };
const when = (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 投递失败: deliveries the worker gave up on after its attempts, and a way into the queue board. */
export default function DeadLettersPage() {
  const [cursors, setCursors] = useState<string[]>([]);
  const letters = useDeadLetters(cursors[cursors.length - 1]);
  const [boardError, setBoardError] = useState<unknown>(null);
  const openBoard = async () => {
    // Opened first (synchronously, so no pop-up blocker), then sent to the board once its cookie is set.
    const tab = window.open('about:blank', '_blank');
    try {
      const { url } = await openQueueBoardSession();
      setBoardError(null);
      if (tab) tab.location.href = url;
    } catch (e) {
      tab?.close();
      setBoardError(e);
    }
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        投递失败
      </Typography.Title>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>已放弃的投递（死信）</h2>}
        extra={
          <Button onClick={() => void openBoard()} data-testid="queue-board">
            打开队列看板
          </Button>
        }
      >
        <ApiErrorAlert error={boardError} />
        <Alert
          type="info"
          showIcon
          title="短信、邮件等外部渠道重试达到上限后列于此处（站内通知不受影响）。系统暂不提供重新投递；队列的运行情况可在队列看板中查看。"
          style={{ marginBottom: 12 }}
        />
        <ApiErrorAlert error={letters.error} />
        <Table<DeadLetter>
          rowKey="id"
          size="middle"
          pagination={false}
          loading={letters.isPending || letters.isPlaceholderData}
          dataSource={letters.data?.items ?? []}
          aria-label="投递失败"
          data-testid="dead-letters"
          locale={{ emptyText: <Typography.Text type="secondary">没有投递失败的通知</Typography.Text> }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 80 },
            { title: '渠道', dataIndex: 'channel', width: 90, render: (c: string) => CHANNELS[c] ?? c },
            { title: '通知类型', dataIndex: 'kind', width: 140, render: (k: string | null) => k ?? '—' },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '最后错误', dataIndex: 'lastError', ellipsis: true },
            { title: '首次投递', dataIndex: 'createdAt', width: 170, render: when },
            { title: '最后尝试', dataIndex: 'updatedAt', width: 170, render: when },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>
            上一页
          </Button>
          <Button disabled={!letters.data?.nextCursor} onClick={() => letters.data?.nextCursor && setCursors([...cursors, letters.data.nextCursor])}>
            下一页
          </Button>
        </Space>
      </Card>
    </>
  );
}
