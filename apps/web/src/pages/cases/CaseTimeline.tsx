import { Alert, Card, Skeleton, Timeline } from 'antd';
import { shanghaiDateTime } from '@fuyi/kernel';
import { errorMessage } from '../../api/errors';
import { useTimeline } from './api';
import { EVENTS } from './labels';

/** 办理经过: what happened to the case, oldest first, and who did it. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const q = useTimeline(caseId);
  return (
    <Card size="small" title="办理经过" style={{ marginBottom: 16 }}>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : q.isPending ? (
        <Skeleton active />
      ) : (
        <Timeline
          data-testid="case-timeline"
          items={q.data.items.map((e) => ({
            key: e.id,
            content: `${shanghaiDateTime(new Date(e.at))}　${EVENTS[e.type] ?? e.type}${e.actor ? `（${e.actor}）` : ''}`,
          }))}
        />
      )}
    </Card>
  );
}
