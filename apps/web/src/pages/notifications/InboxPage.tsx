import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { shanghaiDateTime } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useInbox, useMarkRead, type Notice } from './api';

/** 站内通知 (issue 13 item 8): newest first; mark one or all read; the header's badge follows. */
export default function InboxPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useInbox(unreadOnly);
  const mark = useMarkRead();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        站内通知
      </Typography.Title>
      <Card
        size="small"
        title={
          <Segmented
            aria-label="显示范围"
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: '仅未读' },
            ]}
          />
        }
        extra={
          <Button onClick={() => mark.mutate('all')} loading={mark.isPending && mark.variables === 'all'}>
            全部标为已读
          </Button>
        }
      >
        <ApiErrorAlert error={q.error ?? mark.error} />
        <List<Notice>
          loading={q.isPending}
          dataSource={items}
          data-testid="inbox"
          locale={{ emptyText: unreadOnly ? '没有未读通知' : '暂无通知' }}
          renderItem={(n) => (
            <List.Item
              actions={
                n.readAt
                  ? [
                      <Typography.Text key="r" type="secondary">
                        已读
                      </Typography.Text>,
                    ]
                  : [
                      <Button key="m" size="small" onClick={() => mark.mutate(n.id)} aria-label={`标为已读：${n.title}`}>
                        标为已读
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!n.readAt && <Tag color="blue">未读</Tag>}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    {n.caseId && n.caseNumber && <Link to={`/cases/${n.caseId}`}>{n.caseNumber}</Link>}
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{shanghaiDateTime(new Date(n.createdAt))}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {q.hasNextPage && (
          <Button style={{ marginTop: 12 }} onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            加载更多
          </Button>
        )}
      </Card>
    </>
  );
}
