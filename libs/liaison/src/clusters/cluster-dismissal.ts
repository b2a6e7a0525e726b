import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { AuditService } from '@fuyi/platform';
import { ClusterErrors } from './cluster-errors';
import * as GroupDisputes from './stores/group-disputes.store';

/** A liaison officer rules a cluster out (e.g. unrelated disputes that only look alike): no more alerts, no hearing rule. */
@Injectable()
export class ClusterDismissal {
  constructor(private readonly audit: AuditService) {}

  async dismiss(m: EntityManager, actor: Actor, id: string, v: { version: number; reason: string }): Promise<{ id: string; state: 'dismissed'; version: number }> {
    const version = await GroupDisputes.dismissOpen(m, id, v.version, actor.userId, v.reason);
    if (version === undefined) {
      const g = await GroupDisputes.stateAndVersion(m, id);
      if (!g) throw ClusterErrors.notFound();
      if (g.version !== v.version) throw ClusterErrors.versionConflict(v.version, g.version);
      throw ClusterErrors.notOpen(g.state);
    }
    // The reason may name people: the audit keeps its length, the row keeps the text.
    await this.audit.record(m, { actor, action: 'group_dispute.dismiss', subjectType: 'group_dispute', subjectId: id, summary: { version, reasonLength: v.reason.length } });
    return { id, state: 'dismissed', version };
  }
}
