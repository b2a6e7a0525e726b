import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@fuyi/kernel';
import { AuthService, RequestContext } from '@fuyi/platform';
import { authRequired, bearerToken, requireAdmin, sameSecret } from './admin-access';
import { METRICS_SCRAPER_TOKEN } from './metrics-token';

/**
 * /metrics answers an administrator's access token (the same check as the global AuthGuard with
 * @Roles(Role.Admin)) or the scraper token. The route is marked @Public only because the global guard
 * would reject the scraper token before this guard could accept it.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(private readonly auth: AuthService, @Inject(METRICS_SCRAPER_TOKEN) private readonly scraperToken: string | null) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw authRequired();
    if (this.scraperToken && sameSecret(token, this.scraperToken)) return true;
    const actor = requireAdmin(await this.auth.authenticate(token));
    req.actor = actor;
    RequestContext.setActor(actor);
    return true;
  }
}
