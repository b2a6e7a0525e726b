import { Alert, Card, List, Skeleton, Typography } from 'antd';
import { shanghaiDate } from '@fuyi/kernel';
import { errorMessage } from '../../api/errors';
import { ClockBadge } from '../../components/ClockBadge';
import { useCaseClocks } from './api';
import { CLOCK_RULES, CLOCK_STATUS } from './labels';

/** Every clock of the case with the API's explanation of how its due date was counted. */
export function CaseClocks({ caseId }: { caseId: string }) {
  const q = useCaseClocks(caseId);
  const today = shanghaiDate(new Date());
  return (
    <Card size="small" title="期限" style={{ marginBottom: 16 }}>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : q.isPending ? (
        <Skeleton active />
      ) : (
        <List
          aria-label="期限"
          dataSource={q.data}
          locale={{ emptyText: <Typography.Text type="secondary">暂无期限</Typography.Text> }}
          renderItem={(k) => (
            <List.Item key={k.id} data-testid={`clock-${k.rule}`}>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{CLOCK_RULES[k.rule] ?? k.rule}</Typography.Text>
                <span style={{ marginLeft: 8 }}>
                  届满日 <Typography.Text data-testid="clock-due">{k.due}</Typography.Text>（{CLOCK_STATUS[k.status] ?? k.status}，自 {k.start} 起算）
                </span>
                <div style={{ margin: '4px 0' }}>
                  <ClockBadge clock={k} today={today} />
                </div>
                {k.suspensions.length > 0 && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    中止期间：{k.suspensions.map((s) => `${s.from} 至 ${s.to ?? '今'}`).join('；')}
                  </Typography.Text>
                )}
                <ul style={{ margin: '4px 0 0', paddingLeft: 20, color: '#595959' }}>
                  {k.explanation.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
