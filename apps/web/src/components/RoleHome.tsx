import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { DISTRICT_CASE_ROLES, RESERVED_ROLES, Role } from '@fuyi/kernel';
import { roleLabel } from '../access';
import { useSession } from '../api/use-session';
import { HomeFigures } from './HomeFigures';

/** The roles GET /api/me/figures answers figures for (libs/cases home-figures.ts). */
const FIGURE_ROLES: readonly string[] = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES, Role.Mediator, Role.LiaisonOfficer, ...RESERVED_ROLES];
export const hasHomeFigures = (role: string | undefined) => !!role && FIGURE_ROLES.includes(role);

/**
 * A role's home: who is signed in, as what, and the role's own figures (issue 16 item 5: overdue, due this week,
 * awaiting me, each linking to the list it counts). Every role has figures from the API now.
 */
export function RoleHome({ title, children }: { title: string; children?: ReactNode }) {
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
      {hasHomeFigures(role) ? <HomeFigures role={role} /> : null}
      {children}
    </>
  );
}
