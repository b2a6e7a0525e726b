import { Role, ROLE_LABELS } from '@fuyi/kernel';

/**
 * Ant Design Pro's access.ts: one map from roles to their pages and menu. It decides only what the console shows;
 * the API decides what a role may do (a hidden menu item is not a permission).
 */
export interface MenuEntry {
  path: string;
  label: string;
}

export const HOME: Record<Role, MenuEntry> = {
  [Role.TownshipClerk]: { path: '/counter', label: '接待登记' },
  [Role.ReconsiderationClerk]: { path: '/work/my-queue', label: '我的案件' },
  [Role.SectionChief]: { path: '/assignment', label: '案件分配' },
  [Role.OfficeHead]: { path: '/approvals', label: '待我审批' },
  [Role.Mediator]: { path: '/mediation', label: '调解工作台' },
  [Role.LiaisonOfficer]: { path: '/liaison', label: '府院联动' },
  [Role.Admin]: { path: '/admin/users', label: '用户管理' },
  [Role.Auditor]: { path: '/audit', label: '审计日志' },
  [Role.SecurityAdmin]: { path: '/security', label: '安全策略' },
};

/** The district's acceptance review (ARL 30-31): every role that may decide it. */
const INTAKE: MenuEntry = { path: '/intake', label: '收件审查' };
/** 办案总览 and search (issue 13 item 6): the district's case roles. */
const OFFICE: MenuEntry = { path: '/work/office', label: '办案总览' };
/** 统计分析 (issue 17 item 6): the roles GET /statistics/* answers (apps/api statistics-roles.ts). */
const STATISTICS: MenuEntry = { path: '/statistics', label: '统计分析' };

/** The menu of each role: its home first, then what else it works on (pages are added here as they are built). */
export const MENU: Record<Role, MenuEntry[]> = {
  [Role.TownshipClerk]: [
    HOME[Role.TownshipClerk],
    { path: '/register', label: '登记复议申请' },
    { path: '/consultations', label: '咨询登记' },
  ],
  [Role.ReconsiderationClerk]: [HOME[Role.ReconsiderationClerk], OFFICE, INTAKE, STATISTICS],
  [Role.SectionChief]: [HOME[Role.SectionChief], { path: '/approvals', label: '审批事项' }, OFFICE, INTAKE, STATISTICS],
  [Role.OfficeHead]: [
    HOME[Role.OfficeHead], { path: '/assignment', label: '案件分配' }, OFFICE, INTAKE, STATISTICS,
    // The head approves risk notices and letters and seals 调解书 (issue 16 items 1-2).
    { path: '/liaison', label: '府院联动' }, { path: '/mediation/referrals', label: '调解分派' },
  ],
  [Role.Mediator]: [HOME[Role.Mediator], { path: '/mediation/referrals', label: '待分配调解' }],
  [Role.LiaisonOfficer]: [
    HOME[Role.LiaisonOfficer], { path: '/liaison/risk-notices', label: '风险提示函' }, { path: '/liaison/letters', label: '意见书建议书' }, STATISTICS,
  ],
  [Role.Admin]: [
    HOME[Role.Admin],
    { path: '/admin/calendar', label: '工作日历' },
    { path: '/admin/reminder-policies', label: '提醒策略' },
    { path: '/admin/dead-letters', label: '投递失败' },
  ],
  [Role.Auditor]: [HOME[Role.Auditor]],
  [Role.SecurityAdmin]: [HOME[Role.SecurityAdmin]],
};

const ROLES = new Set<string>(Object.values(Role));
export const isRole = (r: string): r is Role => ROLES.has(r);

export function homeOf(role: string): string {
  return isRole(role) ? HOME[role].path : '/403';
}

/** Pages of one's own account, open to every role. */
export const ACCOUNT_PAGES = { password: '/account/password', totp: '/account/totp' } as const;
/**
 * Open to every role: the inbox, a case's page and a mediation file's page (the API answers 404 when the record is not
 * the caller's to see).
 */
const EVERY_ROLE = ['/notifications', '/cases/', '/mediation/files/'];

export function canOpen(role: string, path: string): boolean {
  if (Object.values<string>(ACCOUNT_PAGES).includes(path)) return isRole(role);
  if (EVERY_ROLE.some((p) => path === p || (p.endsWith('/') && path.startsWith(p)))) return isRole(role);
  return isRole(role) && MENU[role].some((m) => path === m.path || path.startsWith(`${m.path}/`));
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}
