import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@fuyi/kernel';
import { JobName, OutboxService, UnitOfWork, type AppConfig, type JobItem } from '@fuyi/platform';
import { ChannelRegistry } from './channels/channel.registry';
import { DeliveryService } from './delivery.service';
import * as Notifications from './stores/notifications.store';

/** What a notification says. Never personal data: it also goes out over SMS, e-mail and webhooks. */
export interface NoticeText {
  kind: string;
  title: string;
  body: string;
  caseId?: string | null;
}

/** One notification for one user. `reminderId` makes it once per reminder and recipient (a unique index). */
export interface Notice extends NoticeText {
  userId: string;
  reminderId?: string | null;
}

/**
 * The one path into the inbox (issue 19 item 5): whatever library raises a notification — reminders, deadline effects,
 * case steps, mediation, liaison, clusters, the digest — it is written here, in the caller's transaction, with one
 * delivery per configured channel and the outbox jobs that send them. Inactive users are skipped.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly outbox: OutboxService,
    private readonly deliveries: DeliveryService,
  ) {}

  /** Outside the Nest container (a migration, a bench): the deployment's channels from its AppConfig. */
  static standalone(ds: DataSource, config: Pick<AppConfig, 'notifications'>): Notifier {
    const settings = config.notifications;
    return new Notifier(new OutboxService(), new DeliveryService(ds, new UnitOfWork(ds), ChannelRegistry.fromSettings(settings), settings));
  }

  /** Returns the new notifications' ids, in the order given (a repeated reminder notice yields none). */
  async notify(m: EntityManager, notices: readonly Notice[]): Promise<string[]> {
    if (!notices.length) return [];
    const ids = await Notifications.insertNotifications(
      m,
      notices.map((n) => ({ userId: n.userId, kind: n.kind, title: n.title, body: n.body, caseId: n.caseId ?? null, reminderId: n.reminderId ?? null })),
    );
    await this.publish(m, await this.deliveries.createFor(m, ids));
    return ids;
  }

  async toUsers(m: EntityManager, userIds: readonly string[], text: NoticeText): Promise<string[]> {
    return this.notify(m, [...new Set(userIds)].map((userId) => ({ ...text, userId })));
  }

  /** Every active user of the roles, but `exceptUserId` (e.g. the submitter, who may not approve their own request). */
  async toRoles(m: EntityManager, roles: readonly Role[], text: NoticeText, exceptUserId?: string): Promise<string[]> {
    return this.toUsers(m, await this.usersOf(m, roles, exceptUserId), text);
  }

  /** The active users of the roles, ordered by role then id (so notices come out in a stable order). */
  async usersOf(m: EntityManager, roles: readonly Role[], exceptUserId?: string): Promise<string[]> {
    return Notifications.activeUserIdsOfRoles(m, roles, exceptUserId ?? null);
  }

  /** Rewrites notifications (e.g. a growing group-dispute alert): new text, unread again; returns the ids it rewrote. */
  async rewrite(m: EntityManager, ids: readonly string[], text: Pick<NoticeText, 'title' | 'body'>): Promise<string[]> {
    return Notifications.rewriteNotifications(m, ids, text);
  }

  /** Sends rewritten notifications out again on every channel. */
  async resend(m: EntityManager, ids: readonly string[]): Promise<void> {
    await this.publish(m, await this.deliveries.resend(m, [...ids]));
  }

  private async publish(m: EntityManager, deliveryIds: readonly string[]): Promise<void> {
    await this.outbox.addMany(m, deliveryIds.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })));
  }
}
