import type { ReactNode } from 'react';
import { Alert, Card, Statistic, Typography } from 'antd';
import { useHomeCount, type HOME_COUNTS } from '../api/queries';
import { errorMessage } from '../api/errors';
import { roleLabel } from '../access';
import { useSession } from '../api/use-session';

/**
 * A role's landing page until its real pages arrive: who is signed in, as what, and one live figure from the API,
 * so every role lands somewhere that works.
 */
export function RoleHome({ title, figure, count, children }: { title: string; figure: string; count: keyof typeof HOME_COUNTS; children?: ReactNode }) {
  const current = useSession();
  const q = useHomeCount(count);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="role-label">
        {current?.user.displayName} · {current ? roleLabel(current.user.role) : ''}
      </Typography.Paragraph>
      <Card style={{ maxWidth: 360 }}>
        {q.isError ? (
          <Alert type="error" showIcon title={errorMessage(q.error)} />
        ) : (
          <Statistic title={figure} value={q.data ? `${q.data.count}${q.data.more ? '+' : ''}` : '—'} loading={q.isPending} data-testid="home-count" />
        )}
      </Card>
      {children}
    </>
  );
}
