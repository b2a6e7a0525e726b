import { RESERVED_ROLES, Role } from '@fuyi/kernel';

/** What the console may offer on a row of the user list; the routes enforce the same rules (users.service.ts). */
export type UserAction = 'edit' | 'resetPassword' | 'deactivate' | 'changeRole';

/**
 * 三员分立 (issue 14 item 1): the three administrator accounts are managed from the command line only, so nobody gets an
 * action on them; the system administrator edits, resets and deactivates; the security administrator changes roles.
 */
export function userActions(actorRole: Role | undefined, target: { role: Role; active: boolean }): UserAction[] {
  if (RESERVED_ROLES.includes(target.role)) return [];
  if (actorRole === Role.Admin) return target.active ? ['edit', 'resetPassword', 'deactivate'] : ['edit', 'resetPassword'];
  if (actorRole === Role.SecurityAdmin) return ['changeRole'];
  return [];
}
