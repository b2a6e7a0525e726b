import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { caseAccessRefusal } from '@fuyi/cases';
import { apiPath } from '../http/api-prefix';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Counter work any intake clerk does for the applicant in front of them, whoever handles the case. */
const COUNTER_ROUTES = new Set([apiPath('/cases/:id/query-code/reissue')]);
/** The router's path carries the /api prefix (issue 11). */
const CASE_ROUTES = apiPath('/cases/:id');

/**
 * Which gate a route (method and router path, `/api/cases/:id/…`) passes: `scope` (a case outside the caller's scope is
 * 404 CASE_NOT_FOUND) and `write` (past intake a clerk changes only their own cases, 403 CASE_NOT_HANDLER). The OpenAPI
 * document lists these codes from the same answer (http/openapi.ts).
 */
export function caseGate(method: string, route: string): { scope: boolean; write: boolean } {
  const scope = route.startsWith(CASE_ROUTES);
  return { scope, write: scope && method.toUpperCase() !== 'GET' && !COUNTER_ROUTES.has(route) };
}

/**
 * Runs after AuthGuard (registration order): on `/cases/:id…` routes, scope and, for changes, assignment are checked
 * before pipes validate the body (libs/cases/src/queries/case-access.ts). A malformed id is left to the route's pipe.
 */
@Injectable()
export class CaseAccessGuard implements CanActivate {
  constructor(private readonly ds: DataSource) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest();
    const route: string | undefined = req.routeOptions?.url;
    const actor: Actor | undefined = req.actor;
    const gate = caseGate(String(req.method), route ?? '');
    if (!actor || !gate.scope || !UUID.test(String(req.params?.id ?? ''))) return true;
    const refusal = await caseAccessRefusal(this.ds, actor, req.params.id, gate.write);
    if (refusal) throw refusal;
    return true;
  }
}
