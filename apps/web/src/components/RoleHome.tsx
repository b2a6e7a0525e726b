import type { ReactNode } from 'react';
import { Alert, Card, Statistic, Typography } from 'antd';
import { DISTRICT_CASE_ROLES, RESERVED_ROLES, Role } from '@fuyi/kernel';
import { useHomeCount, type HOME_COUNTS } from '../api/queries';
import { errorMessage } from '../api/errors';
import { roleLabel } from '../access';
import { useSession } from '../api/use-session';
import { HomeFigures } from './HomeFigures';

/** The roles GET /api/me/figures answers figures for (libs/cases home-figures.ts). */
const FIGURE_ROLES: readonly string[] = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES, Role.Mediator, Role.LiaisonOfficer, ...RESERVED_ROLES];
export const hasHomeFigures = (role: string | undefined) => !!role && FIGURE_ROLES.includes(role);

/** The legacy single figure (a list's first page, "100+" beyond): for the roles the figures route does not cover yet. */
function ListCountCard({ figure, count }: { figure: string; count: keyof typeof HOME_COUNTS }) {
  const q = useHomeCount(count);
  return (
    <Card style={{ maxWidth: 360 }}>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : (
        <Statistic title={figure} value={q.data ? `${q.data.count}${q.data.more ? '+' : ''}` : '—'} loading={q.isPending} data-testid="home-count" />
      )}
    </Card>
  );
}

/**
 * A role's home: who is signed in, as what, and the role's own figures (issue 16 item 5: overdue, due this week,
 * awaiting me, each linking to the list it counts). `figure`/`count` are the older single count, still shown for
 * roles without figures from the API; pages keep passing them.
 */
export function RoleHome({ title, figure, count, children }: { title: string; figure?: string; count?: keyof typeof HOME_COUNTS; children?: ReactNode }) {
  const current = useSession();
  const role = current?.user.role;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="role-label">
        {current?.user.displayName} · {current ? roleLabel(current.user.role) : ''}
      </Typography.Paragraph>
      {hasHomeFigures(role) ? <HomeFigures role={role} /> : figure && count ? <ListCountCard figure={figure} count={count} /> : null}
      {children}
    </>
  );
}
