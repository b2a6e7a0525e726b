import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@fuyi/platform';
import { ChannelRegistry } from './channels/channel.registry';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import * as Deliveries from './stores/deliveries.store';

type Db = Pick<EntityManager | DataSource, 'query'>;

export type DeliverOutcome = 'delivered' | 'skipped';

export interface DeadLetter {
  id: string;
  notificationId: string;
  userId: string;
  channel: string;
  kind: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A failed send that will be retried: the job should fail so BullMQ retries it with backoff. */
export class DeliveryFailedError extends Error {
  constructor(readonly deliveryId: string, readonly attempts: number, reason: string) {
    super(`delivery ${deliveryId} attempt ${attempts} failed: ${reason}`);
    this.name = 'DeliveryFailedError';
  }
}

const ERROR_MAX_CHARS = 500;
const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, ERROR_MAX_CHARS);

/**
 * Delivery of in-app notifications over external channels, one row per notification and channel.
 * PostgreSQL holds the state (pending → delivered | dead); BullMQ only carries `deliver(id)` calls in flight.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Deliveries');

  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly registry: ChannelRegistry,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /**
   * One pending delivery per notification and configured channel, for active users, in the caller's transaction
   * (which then writes an outbox row per returned id). A repeat creates nothing: the ids it returns are the new ones only.
   */
  async createFor(m: EntityManager, notificationIds: string[]): Promise<string[]> {
    return Deliveries.createDeliveries(m, notificationIds, this.settings.channels);
  }

  /**
   * Sends notifications that were rewritten (e.g. a growing group-dispute alert) out again: the finished deliveries
   * are set pending once more (one per notification and channel), missing ones are created. Returns the ids to publish.
   */
  async resend(m: EntityManager, notificationIds: string[]): Promise<string[]> {
    if (!notificationIds.length) return [];
    return [...(await Deliveries.reopenDeliveries(m, notificationIds)), ...(await this.createFor(m, notificationIds))];
  }

  /**
   * Sends one delivery at most once at a time. 'skipped' when it is gone, no longer pending, or being sent by another
   * worker right now (its lock is held). A failed send is recorded and rethrown for a retry, until the last attempt,
   * which dead-letters it. The row lock is held across the send: two workers never send the same delivery at once.
   */
  async deliver(deliveryId: string): Promise<DeliverOutcome> {
    const outcome = await this.uow.run(async (m): Promise<DeliverOutcome | DeliveryFailedError> => {
      const d = await Deliveries.lockPendingDelivery(m, deliveryId);
      if (!d) return 'skipped';
      if (d.notification_id === null) return this.bury(m, deliveryId, 'notification no longer exists');
      const adapter = this.registry.get(d.channel);
      if (!adapter) return this.bury(m, deliveryId, `channel ${d.channel} is not configured`);
      try {
        await adapter.send({ deliveryId: d.id, userId: d.user_id, title: d.title!, body: d.body!, caseId: d.case_id });
      } catch (e) {
        return this.recordFailure(m, deliveryId, errorText(e));
      }
      await Deliveries.markDelivered(m, deliveryId);
      return 'delivered';
    });
    // Thrown only after the commit, so the attempt and its error stay recorded.
    if (outcome instanceof DeliveryFailedError) throw outcome;
    return outcome;
  }

  private async recordFailure(m: EntityManager, id: string, error: string): Promise<DeliverOutcome | DeliveryFailedError> {
    const row = await Deliveries.recordFailedAttempt(m, id, error, this.settings.maxAttempts);
    if (row.status === 'dead') {
      this.logger.warn(`delivery ${id} dead-lettered after ${row.attempts} attempts`);
      return 'skipped';
    }
    return new DeliveryFailedError(id, row.attempts, error);
  }

  /** Cannot ever be sent: dead-letter it at once instead of burning retries. */
  private async bury(m: EntityManager, id: string, reason: string): Promise<DeliverOutcome> {
    await Deliveries.buryDelivery(m, id, reason);
    this.logger.warn(`delivery ${id} dead-lettered: ${reason}`);
    return 'skipped';
  }

  /**
   * Pending deliveries untouched for a while: their job was lost (Redis emptied) or gave up early. Rows being sent
   * right now are locked and left out. `db` is the sweep's transaction (no default: the lock only means something there), so that concurrent sweepers share the
   * work, then write outbox rows for the ids and `touch` them in that same transaction.
   */
  async stalePending(olderThanSeconds: number, limit: number, db: Db): Promise<string[]> {
    return Deliveries.lockStalePending(db, olderThanSeconds, limit);
  }

  /** Marks deliveries as just re-published, so the next sweep leaves them alone. */
  async touch(ids: string[], db: Db): Promise<number> {
    return Deliveries.touchPending(db, ids);
  }

  /** How many deliveries were given up (the administrator's home figure: the rows deadLetters lists). */
  async deadLetterCount(): Promise<number> {
    return Deliveries.deadCount(this.ds);
  }

  /** Dead letters for administrators, newest first; no notification text (it may name a case). */
  async deadLetters(limit: number, before?: string): Promise<{ items: DeadLetter[]; nextCursor: string | null }> {
    const rows = await Deliveries.deadLetterPage(this.ds, limit + 1, before);
    const items: DeadLetter[] = rows.slice(0, limit).map((r) => ({
      id: r.id, notificationId: r.notification_id, userId: r.user_id, channel: r.channel, kind: r.kind ?? null, attempts: r.attempts,
      lastError: r.last_error, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
    }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
