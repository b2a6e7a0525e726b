import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@fuyi/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from './auth-errors';
import * as LoginAttempts from './stores/login-attempts.store';
import * as Sessions from './stores/sessions.store';
import * as Users from './stores/users.store';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { assertPasswordPolicy } from './password-policy';
import { TotpService } from './totp.service';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '@fuyi/kernel';

export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; username: string; displayName: string; role: Role; townshipId: number | null };
  /** The account was created or reset by an administrator: only POST /auth/password works until it is changed. */
  credentialChangeRequired: boolean;
  /** The user's role requires a second factor and none is enrolled: only enrolment (and the password) works until then. */
  totpEnrolmentRequired: boolean;
}

interface AccessClaims {
  sub: string;
  sid: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly totp: TotpService,
  ) {}

  /**
   * Issue 14 item 2: the attempt is counted (one atomic upsert) before any password is checked, so N parallel
   * attempts get N distinct numbers and only the first `maxFailures` of a window are ever verified; unknown names
   * are counted and locked the same way, and unknown, wrong, inactive and locked all get the same 401.
   */
  async login(username: string, password: string, totpCode?: string): Promise<TokenPair> {
    const key = sha256(username);
    const attempt = await this.countAttempt(key);
    const user = await Users.loginUser(this.ds, username);
    if (attempt.blocked) {
      // Still hash once so that a locked name costs as much time as any other refusal.
      await verifyPassword(await dummyPasswordHash(), password);
      await this.auditFailure(user ?? null, username, 'locked');
      throw AuthErrors.badCredentials();
    }
    let ok = false;
    if (!user) await verifyPassword(await dummyPasswordHash(), password); // same cost as a known name
    else ok = user.active && (await verifyPassword(user.password_hash, password));
    if (!user || !ok) {
      await this.auditFailure(user ?? null, username, !user ? 'unknown_user' : user.active ? 'bad_password' : 'inactive', attempt.lockedNow);
      throw AuthErrors.badCredentials();
    }
    // Issue 14 item 4: the second factor, counted like the password (the attempt above stays counted on failure).
    const second = await this.totp.check(user.id, totpCode);
    if (second === 'missing' || second === 'wrong' || second === 'replay') {
      await this.auditFailure(user, username, second === 'missing' ? 'totp_missing' : second === 'wrong' ? 'bad_totp' : 'totp_replay', attempt.lockedNow);
      throw second === 'missing' ? AuthErrors.totpRequired() : AuthErrors.totpInvalid();
    }
    return this.uow.run(async (m) => {
      await LoginAttempts.clearAttempts(m, key);
      const refreshSecret = randomBytes(32).toString('base64url');
      const sessionId = await Sessions.openSession(m, user.id, sha256(refreshSecret), this.config.refreshTokenTtlSeconds);
      await this.audit.record(m, {
        action: 'auth.login', subjectType: 'user', subjectId: user.id,
        actor: { userId: user.id, role: user.role as Role }, summary: { sessionId, secondFactor: second === 'ok' },
      });
      return this.issue(user, sessionId, refreshSecret);
    });
  }

  /**
   * Rotates the refresh token: the old one stops working at once. Presenting a token that was already rotated away
   * is a replay (issue 14 item 3): someone else holds a copy, so the whole session ends and an audit row says so.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw AuthErrors.refreshInvalid();
    const hash = sha256(secret);
    const outcome = await this.uow.run(async (m) => {
      const row = await Sessions.lockLiveSession(m, sessionId, hash);
      if (!row) return null;
      if (row.replayed) {
        await Sessions.revokeReplayedSession(m, row.id);
        await this.audit.record(m, {
          action: 'auth.refresh_reuse', subjectType: 'user', subjectId: row.user_id, actor: null, summary: { sessionId: row.id },
        });
        return null;
      }
      if (row.refresh_hash !== hash) return null;
      const next = randomBytes(32).toString('base64url');
      await Sessions.rotateRefresh(m, row.id, sha256(next));
      return this.issue({ ...row, id: row.user_id }, row.id, next);
    });
    if (!outcome) throw AuthErrors.refreshInvalid();
    return outcome;
  }

  /**
   * Change one's own password (issue 14 item 4): the current one is checked, the new one must meet the policy and
   * differ; every other session of the account ends, this one stays. Clears the must-change flag (item 1).
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await Users.activeCredentials(this.ds, actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) {
      throw new DomainError('AUTH_PASSWORD_WRONG', '当前密码不正确', 'invalid', { fields: [{ field: 'currentPassword', message: '当前密码不正确' }] });
    }
    if (current === next) {
      throw new DomainError('PASSWORD_POLICY', '新密码不能与当前密码相同', 'invalid', { fields: [{ field: 'newPassword', message: '新密码不能与当前密码相同' }] });
    }
    assertPasswordPolicy(next, user.username, 'newPassword');
    const hash = await hashPassword(next);
    await this.uow.run(async (m) => {
      await Users.changeOwnPassword(m, actor.userId, hash);
      await Sessions.endOtherSessions(m, actor.userId, actor.sessionId ?? null, 'password_change');
      await this.audit.record(m, { actor, action: 'auth.password_change', subjectType: 'user', subjectId: actor.userId, summary: { sessionId: actor.sessionId } });
    });
  }

  async logout(actor: Actor): Promise<void> {
    await this.uow.run(async (m) => {
      await Sessions.endSession(m, actor.sessionId ?? null, 'logout');
      await this.audit.record(m, { actor, action: 'auth.logout', subjectType: 'user', subjectId: actor.userId, summary: { sessionId: actor.sessionId } });
    });
  }

  /**
   * Logout everywhere (issue 13 item 2): every live session of the user ends, this one included, e.g. after a
   * device was lost or shared. Access tokens stop at once (each request checks its session).
   */
  async logoutEverywhere(actor: Actor): Promise<number> {
    return this.uow.run(async (m) => {
      const ended = await Sessions.endUserSessions(m, actor.userId, 'logout_all');
      await this.audit.record(m, {
        actor, action: 'auth.logout_all', subjectType: 'user', subjectId: actor.userId, summary: { sessionId: actor.sessionId, sessionsEnded: ended.length },
      });
      return ended.length;
    });
  }

  /** Checks an access token and that its session and user are still live (logout/deactivation act at once). */
  async authenticate(accessToken: string): Promise<Actor> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken);
    } catch {
      throw AuthErrors.tokenInvalid();
    }
    return this.actorOfSession(claims.sid, claims.sub);
  }

  /** The actor behind a live session of an active user; anything else has ended (logout, expiry, deactivation). */
  async actorOfSession(sessionId: string, userId: string): Promise<Actor> {
    const row = await Sessions.sessionActor(this.ds, sessionId, userId);
    if (!row) throw AuthErrors.sessionEnded();
    return {
      userId: row.id, username: row.username, role: row.role as Role, townshipId: row.township_id, sessionId,
      mustChangePassword: row.must_change_password, totpEnrolmentRequired: row.totp_enrolment_required,
    };
  }

  private async issue(user: any, sessionId: string, refreshSecret: string): Promise<TokenPair> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: sessionId } satisfies AccessClaims, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return {
      accessToken,
      refreshToken: `${sessionId}.${refreshSecret}`,
      expiresIn: this.config.accessTokenTtlSeconds,
      user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, townshipId: user.township_id },
      credentialChangeRequired: !!user.must_change_password,
      totpEnrolmentRequired: !!user.totp_enrolment_required,
    };
  }

  /**
   * Counts this attempt for the typed name in one statement (row lock on conflict): a window older than
   * `windowMinutes` or a lock that has run out starts over at 1; the attempt that reaches `maxFailures` sets the lock,
   * and every attempt past it is refused without checking the password. A successful login deletes the row.
   */
  private async countAttempt(key: string): Promise<{ blocked: boolean; lockedNow: boolean }> {
    const row = await LoginAttempts.countAttempt(this.ds, key, LOCKOUT);
    return { blocked: row.attempts > LOCKOUT.maxFailures, lockedNow: row.attempts === LOCKOUT.maxFailures };
  }

  /**
   * For an unknown name only a short hash is kept: what was typed may be a password or a phone number
   * entered in the wrong field, and it must not land in the audit trail.
   */
  private async auditFailure(user: any | null, username: string, reason: string, lockedNow = false): Promise<void> {
    const subjectId = user ? user.id : sha256(username).slice(0, 16);
    await this.uow.run(async (m) => {
      const entry = { subjectType: user ? 'user' : 'login', subjectId, actor: null,
        summary: user ? { username: user.username, reason } : { usernameHash: subjectId, reason } };
      await this.audit.record(m, { action: 'auth.login_failed', ...entry });
      if (lockedNow) await this.audit.record(m, { action: 'auth.account_locked', ...entry });
    });
  }
}
