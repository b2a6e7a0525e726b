import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditLogStore, AuditService, UnitOfWork, verifyAuditChains, type AppConfig, type AuditFilter, type AuditLogRow } from '@fuyi/platform';

export type { AuditFilter } from '@fuyi/platform';

/** The auditor's read-only view of the audit log (三员分立), as the audit controller serves it. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first, `limit` rows before the row id `before` (a cursor). */
  page(filter: AuditFilter, limit: number, before: string | null): Promise<AuditLogRow[]> {
    return this.uow.read((m) => AuditLogStore.auditLogPage(m, filter, limit, before));
  }

  /** How many rows the list shows for these filters (the auditor's home figures: each opens the list so filtered). */
  count(filter: AuditFilter): Promise<number> {
    return this.uow.read((m) => AuditLogStore.auditLogCount(m, filter));
  }

  /** Up to `limit` rows for a CSV export; the export itself is audited, in the actor's name. */
  async exportRows(actor: Actor, from: string, filter: AuditFilter, limit: number): Promise<AuditLogRow[]> {
    const rows = await this.uow.read((m) => AuditLogStore.auditLogPage(m, filter, limit));
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
