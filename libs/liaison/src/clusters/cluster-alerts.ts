import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role, shanghaiDate } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { ClusterQueries } from './cluster.queries';
import * as GroupDisputes from './stores/group-disputes.store';
import type { ClusterChange } from './stores/group-disputes.store';
import { alertText } from './domain/suggested-notice';

const LISTED_MEMBERS = 50;

/**
 * Tells liaison officers, in the transaction of the cluster change: a new cluster raises one alert (a notification per
 * officer); a cluster that has grown since updates that same alert in place (title, body, count, unread again), never a
 * second "new cluster" nor a pile of follow-ups, and sends it out again at most once per cluster per Shanghai day.
 * Open clusters only: a dismissed one grows silently.
 */
@Injectable()
export class ClusterAlerts {
  constructor(
    private readonly queries: ClusterQueries,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
    private readonly time: TimeSource,
  ) {}

  async raise(m: EntityManager, changes: ClusterChange[]): Promise<{ created: number; grown: number }> {
    const result = { created: 0, grown: 0 };
    for (const change of changes) {
      const g = await GroupDisputes.alertState(m, change.id);
      if (!g || g.state !== 'open' || g.member_count <= g.alerted_count) continue;
      const before = g.alerted_count > 0 ? g.alerted_count : null;
      const cluster = await this.queries.get(m, change.id);
      const labels = cluster.members.map((x) => x.label);
      const listed = labels.length > LISTED_MEMBERS ? [...labels.slice(0, LISTED_MEMBERS), `等${labels.length}件`] : labels;
      const text = alertText(cluster, listed, before);
      const updated = before == null ? [] : await this.notifier.rewrite(m, g.alert_notification_ids.map(String), text);
      // No alert to update (officers were added after it, or none existed then): this growth is told as a new alert.
      const ids = updated.length ? updated : await this.notifier.toRoles(m, [Role.LiaisonOfficer], { kind: 'group_dispute', ...text });
      await GroupDisputes.markAlerted(m, change.id, ids);
      // A new alert went out with its notifications; a grown one goes out again at most once a day.
      const followUp = updated.length > 0 && !(await this.followedUpToday(m, change.id));
      if (followUp) await this.notifier.resend(m, ids);
      await this.audit.record(m, {
        action: before == null ? 'group_dispute.detect' : 'group_dispute.grow', subjectType: 'group_dispute', subjectId: change.id, actor: null,
        summary: { respondentDepartmentId: cluster.respondentDepartmentId, keyKind: cluster.keyKind, from: before, members: cluster.memberCount, followUp },
      });
      if (before == null) result.created++;
      else result.grown++;
    }
    return result;
  }

  /** Whether this cluster's alert was already sent out again today (the audit trail records each follow-up). */
  private async followedUpToday(m: EntityManager, clusterId: string): Promise<boolean> {
    return GroupDisputes.followedUpOn(m, clusterId, shanghaiDate(this.time.now()));
  }
}
