/** Roles of domain.md §2. Township roles only ever see their own township's records. */
export enum Role {
  TownshipClerk = 'township_clerk',
  ReconsiderationClerk = 'reconsideration_clerk',
  SectionChief = 'section_chief',
  OfficeHead = 'office_head',
  Mediator = 'mediator',
  LiaisonOfficer = 'liaison_officer',
  Admin = 'admin',
  Auditor = 'auditor',
  /** 安全管理员 (三员分立): manages roles and security settings (TOTP requirement per role); no case work. */
  SecurityAdmin = 'security_admin',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.TownshipClerk]: '分中心接待员',
  [Role.ReconsiderationClerk]: '复议承办人',
  [Role.SectionChief]: '科长',
  [Role.OfficeHead]: '机构负责人',
  [Role.Mediator]: '调解员',
  [Role.LiaisonOfficer]: '府院联络员',
  [Role.Admin]: '系统管理员',
  [Role.Auditor]: '安全审计员',
  [Role.SecurityAdmin]: '安全管理员',
};

export const DISTRICT_CASE_ROLES: readonly Role[] = [Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead];

/** Roles that need applicants' full ID numbers, phones and addresses (to serve documents, call them). */
export const FULL_PERSONAL_DATA_ROLES: readonly Role[] = DISTRICT_CASE_ROLES;

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  townshipId: number | null;
  sessionId?: string;
  /** Created or reset by someone else: only changing the password (and signing out) is allowed until then. */
  mustChangePassword?: boolean;
  /** The role requires a second factor (TOTP) and the user has none confirmed: only enrolment is allowed until then. */
  totpEnrolmentRequired?: boolean;
}

/**
 * 三员 (issue 14 item 1): the system administrator (users' existence, settings), the security administrator (roles and
 * security settings) and the auditor who audits both are never managed through the api (created, reset, deactivated,
 * given or stripped of a role); the operator creates and resets them with the CLI (`npm run -s cli -- users …`).
 */
export const RESERVED_ROLES: readonly Role[] = [Role.Admin, Role.SecurityAdmin, Role.Auditor];
