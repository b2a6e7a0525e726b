import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor, Role } from '@fuyi/kernel';

export const PUBLIC_ROUTE = 'fuyi:public';
export const ROUTE_ROLES = 'fuyi:roles';

/** Opt a route out of authentication. Everything else is guarded. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Roles allowed on a route (any signed-in role if absent). The OpenAPI document shows them as `x-roles` (a method's own
 * list wins over its controller's, as in the guard), and lists FORBIDDEN_ROLE among the route's 403 codes.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROUTE_ROLES, roles), ApiExtension('x-roles', roles));

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
