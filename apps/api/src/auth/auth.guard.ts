import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@fuyi/kernel';
import { AuthService, RequestContext } from '@fuyi/platform';
import { apiPath } from '../http/api-prefix';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators';

// Compared with the router's path, which carries the /api prefix (issue 11).
const PASSWORD_CHANGE_ROUTES = new Set(
  [['POST', '/auth/password'], ['POST', '/auth/logout'], ['GET', '/auth/me']].map(([method, path]) => `${method} ${apiPath(path)}`),
);

/** Global guard: a valid access token on a live session, and a role the route allows. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new DomainError('AUTH_REQUIRED', '请先登录', 'unauthenticated');
    const actor = await this.auth.authenticate(token);
    req.actor = actor;
    RequestContext.setActor(actor);
    // Issue 14 item 1: an account created or reset by someone else may only change its password (or sign out) first.
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(`${req.method} ${req.routeOptions?.url}`)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，请先修改密码', 'forbidden');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw new DomainError('FORBIDDEN_ROLE', '当前角色无权执行此操作', 'forbidden');
    return true;
  }
}
