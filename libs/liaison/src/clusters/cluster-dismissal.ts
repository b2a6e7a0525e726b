import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { AuditService, execSql } from '@fuyi/platform';
import { ClusterErrors } from './cluster-errors';

/** A liaison officer rules a cluster out (e.g. unrelated disputes that only look alike): no more alerts, no hearing rule. */
@Injectable()
export class ClusterDismissal {
  constructor(private readonly audit: AuditService) {}

  async dismiss(m: EntityManager, actor: Actor, id: string, v: { version: number; reason: string }): Promise<{ id: string; state: 'dismissed'; version: number }> {
    const { rows } = await execSql<{ version: number }>(
      m,
      `UPDATE group_disputes SET state = 'dismissed', dismissed_by = $3, dismissed_reason = $4, dismissed_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND state = 'open' RETURNING version`,
      [id, v.version, actor.userId, v.reason],
    );
    if (!rows.length) {
      const [g] = await m.query('SELECT state, version FROM group_disputes WHERE id = $1', [id]);
      if (!g) throw ClusterErrors.notFound();
      if (g.version !== v.version) throw ClusterErrors.versionConflict(v.version, g.version);
      throw ClusterErrors.notOpen(g.state);
    }
    // The reason may name people: the audit keeps its length, the row keeps the text.
    await this.audit.record(m, { actor, action: 'group_dispute.dismiss', subjectType: 'group_dispute', subjectId: id, summary: { version: rows[0]!.version, reasonLength: v.reason.length } });
    return { id, state: 'dismissed', version: rows[0]!.version };
  }
}
