import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeKeyCursor, DomainError, encodeKeyCursor, RESERVED_ROLES, Role, type Actor } from '@fuyi/kernel';
import { AuditService } from '../audit/audit.service';
import * as Sessions from './stores/sessions.store';
import * as Users from './stores/users.store';
import { UnitOfWork } from '../database/unit-of-work';
import { hashPassword } from './passwords';
import { userActions, type UserAction } from './user-actions';
import { assertPasswordPolicy } from './password-policy';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  townshipId?: number | null;
  password: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  townshipId: number | null;
  section: string | null;
  active: boolean;
  version: number;
  /** In the list and in an edit's answer: sign-in is locked after repeated failures (LOCKOUT), until the lock runs out. */
  locked?: boolean;
  /** In the list and in an edit's answer: active, of a role that must use the second factor, not yet bound (TOTP_MISSING). */
  totpMissing?: boolean;
  /** For the asking actor (三员): what the console may offer on this row. */
  allowedActions: UserAction[];
}

/** The system administrator's edit of a user's particulars (never the role: that is the security administrator's). */
export interface UserEdit {
  version: number;
  displayName?: string;
  townshipId?: number | null;
  section?: string | null;
}

export interface RoleChange {
  role: Role;
  townshipId?: number | null;
  /** The user row's version as last read: a concurrent change answers 409. */
  version: number;
}

const TOWNSHIP_ROLES: readonly Role[] = [Role.TownshipClerk];

@Injectable()
export class UsersService {
  constructor(private readonly ds: DataSource, private readonly uow: UnitOfWork, private readonly audit: AuditService) {}

  /** By username, a page at a time: the cursor names the last username seen (keyset, so nothing is skipped or repeated). */
  async list(actor: Actor, limit: number, cursor?: string): Promise<{ items: UserView[]; nextCursor: string | null }> {
    const after = decodeKeyCursor(cursor, 64);
    const rows = await Users.usersPage(this.ds, after, limit + 1);
    const items = rows.slice(0, limit).map((r) => listView(r, actor.role));
    return { items, nextCursor: rows.length > limit ? encodeKeyCursor(items[items.length - 1]!.username) : null };
  }

  /** Accounts whose sign-in is locked now (the administrator's and security administrator's home figure; the list marks the same rows). */
  lockedCount(): Promise<number> {
    return Users.markedCount(this.ds, 'locked');
  }

  /** Accounts that must bind the second factor and have not (the security administrator's home figure; the list marks them). */
  totpMissingCount(): Promise<number> {
    return Users.markedCount(this.ds, 'totpMissing');
  }

  async create(actor: Actor, input: NewUser): Promise<UserView> {
    if (RESERVED_ROLES.includes(input.role)) return this.refuse(actor, 'user.create', 'new-user', reserved(), { username: input.username, role: input.role });
    assertPasswordPolicy(input.password, input.username);
    await this.assertTownship(input.role, input.townshipId);
    const hash = await hashPassword(input.password);
    return this.uow.run(async (m) => {
      const row = await Users.insertUser(m, { username: input.username, displayName: input.displayName, role: input.role, townshipId: input.townshipId ?? null, passwordHash: hash });
      if (!row) throw new DomainError('USER_EXISTS', `用户名 ${input.username} 已存在`, 'conflict');
      await this.audit.record(m, { actor, action: 'user.create', subjectType: 'user', subjectId: row.id, summary: { username: input.username, role: input.role } });
      return toView(row, actor.role);
    });
  }

  /**
   * An administrator sets a temporary password: the user must change it at the next login, and every session of the
   * account ends. Never for the administrator's own account or a reserved role (三员, issue 14 item 1).
   */
  async resetPassword(actor: Actor, userId: string, password: string): Promise<UserView> {
    if (actor.userId === userId) throw new DomainError('USER_SELF_RESET', '不能重置自己的密码；请使用修改密码', 'unprocessable');
    const target = await Users.userRole(this.ds, userId);
    if (!target) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'not_found');
    if (RESERVED_ROLES.includes(target.role as Role)) return this.refuse(actor, 'user.password_reset', userId, reserved());
    assertPasswordPolicy(password, target.username);
    const hash = await hashPassword(password);
    return this.uow.run(async (m) => {
      const row = await Users.resetPassword(m, { id: userId }, hash);
      await Sessions.endUserSessions(m, userId, 'password_reset');
      await this.audit.record(m, { actor, action: 'user.password_reset', subjectType: 'user', subjectId: userId });
      return toView(row!, actor.role);
    });
  }

  /** Deactivation ends every session of the user at once. */
  async deactivate(actor: Actor, userId: string): Promise<UserView> {
    if (actor.userId === userId) throw new DomainError('USER_SELF_DEACTIVATION', '不能停用自己的账号', 'unprocessable');
    const target = await Users.userRole(this.ds, userId);
    if (target && RESERVED_ROLES.includes(target.role as Role)) return this.refuse(actor, 'user.deactivate', userId, reserved());
    return this.uow.run(async (m) => {
      const row = await Users.deactivate(m, userId);
      if (!row) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'not_found');
      await Sessions.endUserSessions(m, userId, null);
      await this.audit.record(m, { actor, action: 'user.deactivate', subjectType: 'user', subjectId: userId });
      return toView(row, actor.role);
    });
  }

  /**
   * 三员 (issue 14 item 1): only the security administrator changes a role (the route allows no one else). Never his own,
   * never an account of a reserved role (the three administrators audit or manage each other), never to a reserved role.
   * The user's sessions end: a token must not carry the old role's permissions.
   */
  async changeRole(actor: Actor, userId: string, change: RoleChange): Promise<UserView> {
    if (actor.userId === userId) {
      return this.refuse(actor, 'user.role_change', userId, new DomainError('USER_SELF_ROLE_CHANGE', '不能变更自己的角色（三员分立）', 'forbidden'));
    }
    const target = await Users.userRole(this.ds, userId);
    if (!target) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'not_found');
    if (RESERVED_ROLES.includes(target.role as Role) || RESERVED_ROLES.includes(change.role)) return this.refuse(actor, 'user.role_change', userId, reserved());
    await this.assertTownship(change.role, change.townshipId);
    return this.uow.run(async (m) => {
      const row = await Users.changeRole(m, userId, change.role, change.townshipId ?? null, change.version);
      if (!row) throw new DomainError('USER_VERSION_CONFLICT', '该用户已被他人修改，请刷新后重试', 'conflict');
      await Sessions.endUserSessions(m, userId, 'role_change');
      await this.audit.record(m, {
        actor, action: 'user.role_change', subjectType: 'user', subjectId: userId,
        summary: { from: target.role, to: change.role, townshipId: change.townshipId ?? null },
      });
      return toView(row, actor.role);
    });
  }

  /**
   * Name, township and section (issue 16 item 3), by the system administrator, conditional on the version read. Never a
   * reserved account (三员: they are managed from the command line); the township only for a township clerk.
   */
  async update(actor: Actor, userId: string, edit: UserEdit): Promise<UserView> {
    const target = await Users.userRole(this.ds, userId);
    if (!target) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'not_found');
    if (RESERVED_ROLES.includes(target.role as Role)) return this.refuse(actor, 'user.update', userId, reserved());
    if (edit.townshipId !== undefined) await this.assertTownship(target.role as Role, edit.townshipId);
    const next = {
      display_name: edit.displayName?.trim() || target.display_name,
      township_id: edit.townshipId === undefined ? target.township_id : edit.townshipId,
      section: edit.section === undefined ? target.section : edit.section?.trim() || null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== target[k]);
    return this.uow.run(async (m) => {
      const row = await Users.updateParticulars(m, userId, next, edit.version);
      if (!row) throw new DomainError('USER_VERSION_CONFLICT', '该用户已被他人修改，请刷新后重试', 'conflict');
      // Field names only, and the township and section (organisational, not personal); never the name itself.
      await this.audit.record(m, {
        actor, action: 'user.update', subjectType: 'user', subjectId: userId,
        summary: { changed, townshipId: next.township_id, section: next.section },
      });
      // The row as the users list shows it (the console replaces the row with this answer).
      return listView(row, actor.role);
    });
  }

  /**
   * A refused attempt to manage accounts (三员) is audited in its own transaction (who tried what on whom), then thrown.
   * Also called by the api's guard when a role without the right calls a user-management route.
   */
  async refuse(actor: Actor, attempted: string, subjectId: string, error: DomainError, detail: Record<string, unknown> = {}): Promise<never> {
    await this.uow.run((m) =>
      this.audit.record(m, { actor, action: 'user.management_refused', subjectType: 'user', subjectId, summary: { attempted, code: error.code, ...detail } }),
    );
    throw error;
  }

  private async assertTownship(role: Role, townshipId: number | null | undefined): Promise<void> {
    const needsTownship = TOWNSHIP_ROLES.includes(role);
    if (needsTownship !== (townshipId != null)) {
      throw new DomainError('USER_TOWNSHIP_MISMATCH', needsTownship ? '分中心接待员必须指定所属街乡镇' : '只有分中心角色可以指定街乡镇', 'invalid', {
        fields: [{ field: 'townshipId', message: needsTownship ? '必填' : '不应填写' }],
      });
    }
    if (townshipId != null) {
      if (!(await Users.townshipExists(this.ds, townshipId))) {
        throw new DomainError('USER_UNKNOWN_TOWNSHIP', '所属街乡镇不存在', 'invalid', { fields: [{ field: 'townshipId', message: '街乡镇不存在' }] });
      }
    }
  }
}

const reserved = () =>
  new DomainError('USER_ROLE_RESERVED', '系统管理员、安全管理员和安全审计员账号不能通过本系统创建、修改、重置、停用或变更角色（三员分立），请由运维人员使用命令行工具管理', 'forbidden');

const listView = (r: Users.UserListRow, actorRole: Role | undefined): UserView => ({ ...toView(r, actorRole), locked: r.locked, totpMissing: r.totp_missing });

function toView(r: Users.UserViewRow, actorRole: Role | undefined): UserView {
  const view = { id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, townshipId: r.township_id, section: r.section, active: r.active, version: r.version };
  return { ...view, allowedActions: userActions(actorRole, view) };
}
