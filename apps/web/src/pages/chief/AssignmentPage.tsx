import { Alert, Button, Card, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { HomeFigures } from '../../components/HomeFigures';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useOfficeView, type WorkItem } from '../office/api';
import { CaseTable } from '../office/CaseTable';
import { AssignModal } from './AssignModal';
import { allows } from './api';

/**
 * 案件分配 (issue 13 item 7): accepted cases, each assigned (or reassigned) with the API's workload proposal; the button
 * shows where the row's `allowedActions` lists `assign`.
 */
export default function AssignmentPage() {
  const q = useOfficeView({ state: 'accepted' });
  const [item, setItem] = useState<WorkItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        案件分配
      </Typography.Title>
      <Typography.Paragraph type="secondary">已受理的案件，按最近届满期限排序。未分配的案件请尽快确定承办人。</Typography.Paragraph>
      <HomeFigures />
      {done && (
        <Alert
          type="success"
          showIcon
          title={done}
          data-testid="assign-result"
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setDone(null) }}
        />
      )}
      <Card size="small">
        <Statistic
          title="已受理的案件"
          value={q.data ? `${q.data.items.length}${q.data.nextCursor ? '+' : ''}` : '—'}
          loading={q.isPending}
          style={{ marginBottom: 12 }}
        />
        <ApiErrorAlert error={q.error} />
        <CaseTable
          rows={q.data?.items ?? []}
          loading={q.isPending}
          label="已受理的案件"
          testId="assignment-table"
          empty="没有已受理待分配的案件"
          action={{
            title: '操作',
            render: (r) =>
              allows(r, 'assign') && (
                <Button
                  size="small"
                  type={r.handlerId ? 'default' : 'primary'}
                  onClick={() => setItem(r)}
                  aria-label={`分配 ${r.caseNumber}`}
                >
                  {r.handlerId ? '改派' : '分配'}
                </Button>
              ),
          }}
        />
      </Card>
      <AssignModal item={item} onClose={() => setItem(null)} onDone={setDone} />
    </>
  );
}
