import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role } from '@fuyi/kernel';
import { AuditService, JobName, OutboxService, type JobItem } from '@fuyi/platform';
import { NOTIFICATION_FAN_OUT, type NotificationFanOut } from '@fuyi/clocks';
import { ClusterQueries } from './cluster.queries';
import type { ClusterChange } from './cluster-writer';
import { alertText } from './domain/suggested-notice';

const LISTED_MEMBERS = 50;

/**
 * Tells liaison officers, in the transaction of the cluster change: a new cluster raises one alert; a cluster that has
 * grown since its last alert gets a follow-up ("grew from 12 to 13"), never a second "new cluster". Open clusters only:
 * a dismissed one grows silently.
 */
@Injectable()
export class ClusterAlerts {
  constructor(
    private readonly queries: ClusterQueries,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Optional() @Inject(NOTIFICATION_FAN_OUT) private readonly fanOut?: NotificationFanOut,
  ) {}

  async raise(m: EntityManager, changes: ClusterChange[]): Promise<{ created: number; grown: number }> {
    const result = { created: 0, grown: 0 };
    for (const change of changes) {
      const [g] = await m.query(`SELECT state, member_count, alerted_count FROM group_disputes WHERE id = $1`, [change.id]);
      if (!g || g.state !== 'open' || g.member_count <= g.alerted_count) continue;
      const before = g.alerted_count > 0 ? g.alerted_count : null;
      const cluster = await this.queries.get(change.id, m);
      const labels = cluster.members.map((x) => x.label);
      const listed = labels.length > LISTED_MEMBERS ? [...labels.slice(0, LISTED_MEMBERS), `等${labels.length}件`] : labels;
      const text = alertText(cluster, listed, before);
      const notes: Array<{ id: string }> = await m.query(
        `INSERT INTO notifications (user_id, kind, title, body) SELECT u.id, $1, $2, $3 FROM users u WHERE u.active AND u.role = $4 ORDER BY u.id RETURNING id`,
        [before == null ? 'group_dispute' : 'group_dispute_grew', text.title, text.body, Role.LiaisonOfficer],
      );
      const ids = notes.map((n) => String(n.id));
      await m.query(
        `UPDATE group_disputes SET alerted_count = member_count, alert_notification_ids = alert_notification_ids || $2::bigint[] WHERE id = $1`,
        [change.id, ids],
      );
      const deliveries = this.fanOut && ids.length ? await this.fanOut.createFor(m, ids) : [];
      await this.outbox.addMany(m, deliveries.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })));
      await this.audit.record(m, {
        action: before == null ? 'group_dispute.detect' : 'group_dispute.grow', subjectType: 'group_dispute', subjectId: change.id, actor: null,
        summary: { respondentDepartmentId: cluster.respondentDepartmentId, keyKind: cluster.keyKind, from: before, members: cluster.memberCount },
      });
      if (before == null) result.created++;
      else result.grown++;
    }
    return result;
  }
}
