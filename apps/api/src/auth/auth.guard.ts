import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@fuyi/kernel';
import { AuthService, RequestContext, UsersService } from '@fuyi/platform';
import { apiPath } from '../http/api-prefix';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The audited subject of a refused user route: the user's id when it is one (a fuzzed path segment is not stored). */
const subjectOf = (id: unknown) => (typeof id === 'string' && UUID.test(id) ? id : 'users');

// Compared with the router's path, which carries the /api prefix (issue 11).
const routeKeys = (routes: Array<[string, string]>) => routes.map(([method, path]) => `${method} ${apiPath(path)}`);
const PASSWORD_CHANGE_ROUTES = new Set(routeKeys([['POST', '/auth/password'], ['POST', '/auth/logout'], ['GET', '/auth/me']]));
const TOTP_ENROLMENT_ROUTES = new Set([...PASSWORD_CHANGE_ROUTES, ...routeKeys([['POST', '/auth/totp/enrol'], ['POST', '/auth/totp/confirm']])]);
/** Account, role and security-setting management: a refusal there is audited (三员). */
const MANAGEMENT_ROUTES = [apiPath('/users'), apiPath('/security/')];

/** Global guard: a valid access token on a live session, and a role the route allows. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService, private readonly users: UsersService) {}

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
    // Issue 14 item 4: a role that requires a second factor, and none confirmed yet: enrol first.
    if (actor.totpEnrolmentRequired && !TOTP_ENROLMENT_ROUTES.has(`${req.method} ${req.routeOptions?.url}`)) {
      throw new DomainError('TOTP_ENROLMENT_REQUIRED', '您所在角色要求启用动态验证码，请先绑定验证器（POST /api/auth/totp/enrol）', 'forbidden');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      const refusal = new DomainError('FORBIDDEN_ROLE', '当前角色无权执行此操作', 'forbidden');
      // 三员: an attempt on account, role or security-setting management by another role (an auditor, the system administrator on a role) is audited.
      const route = String(req.routeOptions?.url ?? '');
      if (MANAGEMENT_ROUTES.some((p) => route.startsWith(p))) await this.users.refuse(actor, `${req.method} ${route}`, subjectOf(req.params?.id), refusal);
      throw refusal;
    }
    return true;
  }
}
