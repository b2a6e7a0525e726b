import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, RESERVED_ROLES, Role, type Actor } from '@fuyi/kernel';
import { AuditService } from '../audit/audit.service';
import { execSql } from '../database/sql';
import { hashPassword } from './passwords';
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
  active: boolean;
}

const TOWNSHIP_ROLES: readonly Role[] = [Role.TownshipClerk];

@Injectable()
export class UsersService {
  constructor(private readonly ds: DataSource, private readonly audit: AuditService) {}

  async list(): Promise<UserView[]> {
    const rows = await this.ds.query('SELECT id, username, display_name, role, township_id, active FROM users ORDER BY username');
    return rows.map(toView);
  }

  async create(input: NewUser): Promise<UserView> {
    if (RESERVED_ROLES.includes(input.role)) throw reserved();
    assertPasswordPolicy(input.password, input.username);
    const needsTownship = TOWNSHIP_ROLES.includes(input.role);
    if (needsTownship !== (input.townshipId != null)) {
      throw new DomainError('USER_TOWNSHIP_MISMATCH', needsTownship ? '分中心接待员必须指定所属街乡镇' : '只有分中心角色可以指定街乡镇', 'invalid', {
        fields: [{ field: 'townshipId', message: needsTownship ? '必填' : '不应填写' }],
      });
    }
    if (input.townshipId != null) {
      const [township] = await this.ds.query('SELECT 1 FROM townships WHERE id = $1', [input.townshipId]);
      if (!township) {
        throw new DomainError('USER_UNKNOWN_TOWNSHIP', '所属街乡镇不存在', 'invalid', { fields: [{ field: 'townshipId', message: '街乡镇不存在' }] });
      }
    }
    const hash = await hashPassword(input.password);
    return this.ds.transaction(async (m) => {
      const { rows } = await execSql(
        m,
        `INSERT INTO users (username, display_name, role, township_id, password_hash, must_change_password) VALUES ($1,$2,$3,$4,$5,true)
         ON CONFLICT (username) DO NOTHING RETURNING id, username, display_name, role, township_id, active`,
        [input.username, input.displayName, input.role, input.townshipId ?? null, hash],
      );
      if (!rows.length) throw new DomainError('USER_EXISTS', `用户名 ${input.username} 已存在`, 'conflict');
      await this.audit.record(m, { action: 'user.create', subjectType: 'user', subjectId: rows[0].id, summary: { username: input.username, role: input.role } });
      return toView(rows[0]);
    });
  }

  /**
   * An administrator sets a temporary password: the user must change it at the next login, and every session of the
   * account ends. Never for the administrator's own account or a reserved role (三员, issue 14 item 1).
   */
  async resetPassword(actor: Actor, userId: string, password: string): Promise<UserView> {
    if (actor.userId === userId) throw new DomainError('USER_SELF_RESET', '不能重置自己的密码；请使用修改密码', 'unprocessable');
    const [target] = await this.ds.query('SELECT username, role FROM users WHERE id = $1', [userId]);
    if (!target) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'not_found');
    if (RESERVED_ROLES.includes(target.role)) throw reserved();
    assertPasswordPolicy(password, target.username);
    const hash = await hashPassword(password);
    return this.ds.transaction(async (m) => {
      const { rows } = await execSql(
        m,
        `UPDATE users SET password_hash = $2, must_change_password = true, version = version + 1 WHERE id = $1
         RETURNING id, username, display_name, role, township_id, active`,
        [userId, hash],
      );
      await m.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'password_reset' WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      await this.audit.record(m, { action: 'user.password_reset', subjectType: 'user', subjectId: userId });
      return toView(rows[0]);
    });
  }

  /** Deactivation ends every session of the user at once. */
  async deactivate(actor: Actor, userId: string): Promise<UserView> {
    if (actor.userId === userId) throw new DomainError('USER_SELF_DEACTIVATION', '不能停用自己的账号', 'unprocessable');
    const [target] = await this.ds.query('SELECT role FROM users WHERE id = $1', [userId]);
    if (target && RESERVED_ROLES.includes(target.role)) throw reserved();
    return this.ds.transaction(async (m) => {
      const { rows } = await execSql(
        m,
        'UPDATE users SET active = false, version = version + 1 WHERE id = $1 RETURNING id, username, display_name, role, township_id, active',
        [userId],
      );
      if (!rows.length) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'not_found');
      await m.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
      await this.audit.record(m, { action: 'user.deactivate', subjectType: 'user', subjectId: userId });
      return toView(rows[0]);
    });
  }
}

const reserved = () =>
  new DomainError('USER_ROLE_RESERVED', '系统管理员和安全审计员账号不能由系统管理员创建、重置或停用（三员分立），请由运维人员使用命令行工具管理', 'forbidden');

function toView(r: any): UserView {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, townshipId: r.township_id, active: r.active };
}
