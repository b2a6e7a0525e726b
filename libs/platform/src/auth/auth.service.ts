import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@fuyi/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from './auth-errors';
import { execSql } from '../database/sql';
import { dummyPasswordHash, verifyPassword } from './passwords';

export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; username: string; displayName: string; role: Role; townshipId: number | null };
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
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenPair> {
    const [user] = await this.ds.query(
      'SELECT id, username, display_name, role, township_id, active, password_hash, locked_until FROM users WHERE username = $1',
      [username],
    );
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      await this.auditFailure(null, username, 'unknown_user');
      throw AuthErrors.badCredentials();
    }
    if (user.locked_until && new Date(user.locked_until) > new Date()) {
      await this.auditFailure(user, username, 'locked');
      throw AuthErrors.locked(new Date(user.locked_until));
    }
    const ok = user.active && (await verifyPassword(user.password_hash, password));
    if (!ok) {
      const lockedUntil = await this.recordFailure(user, username, user.active ? 'bad_password' : 'inactive');
      if (lockedUntil) throw AuthErrors.locked(lockedUntil);
      throw AuthErrors.badCredentials();
    }
    return this.ds.transaction(async (m) => {
      await m.query('UPDATE users SET failed_logins = 0, failed_window_start = NULL, locked_until = NULL WHERE id = $1', [user.id]);
      const refreshSecret = randomBytes(32).toString('base64url');
      const [session] = await m.query(
        `INSERT INTO sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
        [user.id, sha256(refreshSecret), this.config.refreshTokenTtlSeconds],
      );
      await this.audit.record(m, {
        action: 'auth.login', subjectType: 'user', subjectId: user.id,
        actor: { userId: user.id, role: user.role }, summary: { sessionId: session.id },
      });
      return this.issue(user, session.id, refreshSecret);
    });
  }

  /** Rotates the refresh token: the old one stops working at once. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw AuthErrors.refreshInvalid();
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT s.id, s.refresh_hash, u.id AS user_id, u.username, u.display_name, u.role, u.township_id
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active FOR UPDATE OF s`,
        [sessionId],
      );
      if (!row || row.refresh_hash !== sha256(secret)) throw AuthErrors.refreshInvalid();
      const next = randomBytes(32).toString('base64url');
      await m.query('UPDATE sessions SET refresh_hash = $2 WHERE id = $1', [row.id, sha256(next)]);
      return this.issue({ ...row, id: row.user_id }, row.id, next);
    });
  }

  async logout(actor: Actor): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [actor.sessionId]);
      await this.audit.record(m, { action: 'auth.logout', subjectType: 'user', subjectId: actor.userId, summary: { sessionId: actor.sessionId } });
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
    const [row] = await this.ds.query(
      `SELECT u.id, u.username, u.role, u.township_id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    if (!row) throw AuthErrors.sessionEnded();
    return { userId: row.id, username: row.username, role: row.role, townshipId: row.township_id, sessionId };
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
    };
  }

  /** Counts the failure in Postgres (atomically) and locks after 5 within 15 minutes. */
  private async recordFailure(user: any, username: string, reason: string): Promise<Date | null> {
    return this.ds.transaction(async (m) => {
      const { rows: [row] } = await execSql(
        m,
        `UPDATE users SET
           failed_logins = CASE WHEN failed_window_start IS NULL OR failed_window_start < now() - make_interval(mins => $2)
                                THEN 1 ELSE failed_logins + 1 END,
           failed_window_start = CASE WHEN failed_window_start IS NULL OR failed_window_start < now() - make_interval(mins => $2)
                                THEN now() ELSE failed_window_start END
         WHERE id = $1 RETURNING failed_logins`,
        [user.id, LOCKOUT.windowMinutes],
      );
      let lockedUntil: Date | null = null;
      if (row.failed_logins >= LOCKOUT.maxFailures) {
        const { rows: [locked] } = await execSql(
          m,
          `UPDATE users SET locked_until = now() + make_interval(mins => $2), failed_logins = 0, failed_window_start = NULL
            WHERE id = $1 RETURNING locked_until`,
          [user.id, LOCKOUT.lockMinutes],
        );
        lockedUntil = new Date(locked.locked_until);
      }
      await this.audit.record(m, {
        action: lockedUntil ? 'auth.account_locked' : 'auth.login_failed', subjectType: 'user', subjectId: user.id,
        actor: null, summary: { username, reason },
      });
      return lockedUntil;
    });
  }

  /**
   * For an unknown name only a short hash is kept: what was typed may be a password or a phone number
   * entered in the wrong field, and it must not land in the audit trail.
   */
  private async auditFailure(user: any | null, username: string, reason: string): Promise<void> {
    const subjectId = user ? user.id : sha256(username).slice(0, 16);
    await this.ds.transaction((m) =>
      this.audit.record(m, {
        action: 'auth.login_failed', subjectType: user ? 'user' : 'login', subjectId, actor: null,
        summary: user ? { username: user.username, reason } : { usernameHash: subjectId, reason },
      }),
    );
  }
}
