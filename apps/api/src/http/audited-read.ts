import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import type { Actor } from '@fuyi/kernel';
import { AuditService, UnitOfWork } from '@fuyi/platform';

export interface AuditedReadSpec {
  action: string;
  subjectType: string;
  /** Route parameter naming the subject; absent = the reader (a search has no single subject). */
  param?: string;
  /** Only some reads are audited (e.g. a case opened with full personal data). */
  when?: (actor: Actor) => boolean;
}

const AUDITED_READ = 'fuyi:audited-read';

/**
 * Issue 14 item 5: a read of personal data or of a document writes an audit row once it has succeeded: who (the
 * actor), what (action and subject), when (the row's time) and from where (the client address, in the summary).
 * Never what was searched for: an ID number searched stays out of the trail.
 */
export const AuditedRead = (spec: AuditedReadSpec) => applyDecorators(SetMetadata(AUDITED_READ, spec), UseInterceptors(AuditedReadInterceptor));

@Injectable()
export class AuditedReadInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector, private readonly uow: UnitOfWork, private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditedReadSpec | undefined>(AUDITED_READ, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest();
    const actor: Actor | undefined = req.actor;
    if (!spec || !actor || (spec.when && !spec.when(actor))) return next.handle();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          this.uow.run((m) =>
            this.audit.record(m, {
              actor, action: spec.action, subjectType: spec.subjectType,
              subjectId: spec.param ? String(req.params[spec.param]) : actor.userId,
              summary: { from: req.ip, ...(spec.param ? {} : { count: countOf(result) }) },
            }),
          ).then(() => result),
        ),
      ),
    );
  }
}

const countOf = (result: any): number | null => (Array.isArray(result?.items) ? result.items.length : Array.isArray(result) ? result.length : null);
