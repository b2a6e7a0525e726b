import { randomBytes } from 'node:crypto';
import { DomainError, Role, type Actor } from '@fuyi/kernel';
import { AuditService } from '../audit/audit.service';
import * as Sessions from './stores/sessions.store';
import * as Users from './stores/users.store';
import type { UnitOfWork } from '../database/unit-of-work';
import { hashPassword } from './passwords';
import { passwordProblems } from './password-policy';

/**
 * The operator's account commands (三员, issue 14 item 1), used by the CLI on the database directly: the only way to
 * create or reset a system administrator, security administrator or auditor account (the api refuses those), and usable
 * for any role. The password is generated here, printed once by the CLI and must be changed at first login; every
 * command writes an audit row (actor none, `via: cli`, the operating-system user who ran it).
 */
export class OperatorAccounts {
  constructor(private readonly uow: UnitOfWork, private readonly audit = new AuditService()) {}

  async create(input: { username: string; displayName: string; role: Role; townshipId?: number | null }, operator: string): Promise<{ id: string; password: string }> {
    if (!Object.values(Role).includes(input.role)) throw new DomainError('CLI_UNKNOWN_ROLE', `未知角色：${input.role}（可用：${Object.values(Role).join('、')}）`, 'invalid');
    if (!/^[a-z0-9_.-]{3,64}$/.test(input.username)) throw new DomainError('CLI_BAD_USERNAME', '用户名为3-64位小写字母、数字或 _ . -', 'invalid');
    if ((input.role === Role.TownshipClerk) !== (input.townshipId != null)) {
      throw new DomainError('USER_TOWNSHIP_MISMATCH', '分中心接待员必须指定 --township，其他角色不指定', 'invalid');
    }
    const password = temporaryPassword(input.username);
    const hash = await hashPassword(password);
    return this.uow.run(async (m) => {
      const row = await Users.insertUser(m, { username: input.username, displayName: input.displayName, role: input.role, townshipId: input.townshipId ?? null, passwordHash: hash });
      if (!row) throw new DomainError('USER_EXISTS', `用户名 ${input.username} 已存在`, 'conflict');
      await this.audit.record(m, {
        action: 'user.create', subjectType: 'user', subjectId: row.id, actor: null as Actor | null,
        summary: { username: input.username, role: input.role, via: 'cli', operator },
      });
      return { id: row.id, password };
    });
  }

  /** A new temporary password; every session of the account ends; the lock on the name is lifted. */
  async resetPassword(username: string, operator: string): Promise<{ id: string; password: string }> {
    const password = temporaryPassword(username);
    const hash = await hashPassword(password);
    return this.uow.run(async (m) => {
      const row = await Users.resetPassword(m, { username }, hash);
      if (!row) throw new DomainError('USER_NOT_FOUND', `用户 ${username} 不存在`, 'not_found');
      await Sessions.endUserSessions(m, row.id, 'password_reset');
      await this.audit.record(m, {
        action: 'user.password_reset', subjectType: 'user', subjectId: row.id, actor: null as Actor | null,
        summary: { via: 'cli', operator },
      });
      return { id: row.id, password };
    });
  }
}

/** 16 random characters plus one of each class, checked against the policy (a random string can still hit a rule). */
function temporaryPassword(username: string): string {
  for (;;) {
    const candidate = `${randomBytes(12).toString('base64url')}a7K#`;
    if (!passwordProblems(candidate, username).length) return candidate;
  }
}
