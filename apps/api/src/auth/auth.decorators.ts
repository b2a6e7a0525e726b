import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@fuyi/kernel';

export const PUBLIC_ROUTE = 'fuyi:public';
export const ROUTE_ROLES = 'fuyi:roles';

/** Opt a route out of authentication. Everything else is guarded. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Roles allowed on a route (any signed-in role if absent). */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
