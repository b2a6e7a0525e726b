import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, rawRows, UnitOfWork, verifyAuditChains, type AppConfig } from '@fuyi/platform';

/** The auditor's filters (issue 14 item 5): by actor, action, subject and date (Asia/Shanghai calendar days, inclusive). */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_COLUMNS =
  'id, chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id, client_request_id';

/** The filters' conditions ($1-$6), shared by the list, the export and the auditor's home figures (one set of conditions). */
const WHERE = `($1::uuid IS NULL OR actor_id = $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR subject_type = $3)
        AND ($4::text IS NULL OR subject_id = $4)
        AND ($5::date IS NULL OR occurred_at >= ($5::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
        AND ($6::date IS NULL OR occurred_at < (($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))`;
const params = (q: AuditFilter) => [
  q.actorId ?? null,
  q.action ?? null,
  q.subjectType ?? null,
  q.subjectId ?? null,
  q.from ?? null,
  q.to ?? null,
];

function filtered(q: AuditFilter, limit: number, before: string | null = null): [string, unknown[]] {
  return [
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${WHERE} AND ($8::bigint IS NULL OR id < $8) ORDER BY id DESC LIMIT $7`,
    [...params(q), limit, before],
  ];
}

/** The auditor's read-only view of the audit log (三员分立), as the audit controller serves it. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first, `limit` rows before the row id `before` (a cursor). */
  page(filter: AuditFilter, limit: number, before: string | null): Promise<Array<Record<string, any>>> {
    return this.uow.read((m) => m.query(...filtered(filter, limit, before)));
  }

  /** How many rows the list shows for these filters (the auditor's home figures: each opens the list so filtered). */
  async count(filter: AuditFilter): Promise<number> {
    const [row] = await this.uow.read((m) =>
      rawRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM audit_log WHERE ${WHERE}`, params(filter)),
    );
    return row?.n ?? 0;
  }

  /** Up to `limit` rows for a CSV export; the export itself is audited, in the actor's name. */
  async exportRows(actor: Actor, from: string, filter: AuditFilter, limit: number): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown>> = await this.uow.read((m) => m.query(...filtered(filter, limit)));
    await this.uow.run((m) =>
      this.audit.record(m, {
        actor,
        action: 'audit.export',
        subjectType: 'audit',
        subjectId: actor.userId,
        summary: { from, filters: filter, rows: rows.length },
      }),
    );
    return rows;
  }

  verify() {
    return this.uow.read((m) => verifyAuditChains(m.connection, 5000, this.config.auditKey));
  }
}
