import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, AuthErrors, AuthService, UnitOfWork, type AppConfig } from '@fuyi/platform';
import { requireAdmin } from './admin-access';

export const BOARD_PATH = '/api/admin/queues';
export const BOARD_COOKIE = 'fuyi_board';
export const BOARD_SESSION_SECONDS = 15 * 60;

interface BoardClaims {
  sub: string;
  sid: string;
}

/**
 * A browser cannot send a bearer header when it navigates, so an administrator trades an access token for a
 * short HttpOnly cookie valid on the queue board only. It is signed with its own key, derived from the JWT secret:
 * the cookie is never accepted as an access token, nor an access token as the cookie. It names the login session,
 * so logout or deactivation ends it at once.
 */
@Injectable()
export class BoardSessionService {
  private readonly jwt: JwtService;

  constructor(
    private readonly auth: AuthService, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly uow: UnitOfWork, private readonly audit: AuditService,
  ) {
    const secret = createHmac('sha256', config.jwtSecret).update('fuyi:queue-board').digest('base64url');
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  async issue(actor: Actor): Promise<string> {
    if (!actor.sessionId) throw AuthErrors.sessionEnded();
    return this.jwt.signAsync({ sub: actor.userId, sid: actor.sessionId } satisfies BoardClaims, { expiresIn: BOARD_SESSION_SECONDS });
  }

  /** Issues the board token for the actor and audits the opening in the actor's name. */
  async open(actor: Actor): Promise<string> {
    const token = await this.issue(actor);
    await this.uow.run((m) =>
      this.audit.record(m, { actor, action: 'ops.queue_board_opened', subjectType: 'user', subjectId: actor.userId, summary: { sessionId: actor.sessionId } }),
    );
    return token;
  }

  cookie(token: string): string {
    const secure = this.config.env === 'production' ? '; Secure' : '';
    return `${BOARD_COOKIE}=${token}; Path=${BOARD_PATH}; Max-Age=${BOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
  }

  /** The same session check as AuthService.authenticate, then the administrator role. */
  async authenticate(token: string): Promise<Actor> {
    let claims: BoardClaims;
    try {
      claims = await this.jwt.verifyAsync<BoardClaims>(token);
    } catch {
      throw AuthErrors.tokenInvalid();
    }
    return requireAdmin(await this.auth.actorOfSession(claims.sid, claims.sub));
  }
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
