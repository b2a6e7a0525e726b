import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@fuyi/kernel';
import { AuthService, RequestContext } from '@fuyi/platform';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators';

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
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw new DomainError('FORBIDDEN_ROLE', '当前角色无权执行此操作', 'forbidden');
    return true;
  }
}
