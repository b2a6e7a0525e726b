import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { execSql } from '@fuyi/platform';
import { ChannelRegistry } from './channels/channel.registry';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';

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
    private readonly registry: ChannelRegistry,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /**
   * One pending delivery per notification and configured channel, for active users, in the caller's transaction
   * (which then writes an outbox row per returned id). A repeat creates nothing: the ids it returns are the new ones only.
   */
  async createFor(m: EntityManager, notificationIds: string[]): Promise<string[]> {
    if (!notificationIds.length || !this.settings.channels.length) return [];
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO deliveries (notification_id, user_id, channel)
       SELECT n.id, n.user_id, ch.channel
         FROM notifications n JOIN users u ON u.id = n.user_id AND u.active
        CROSS JOIN unnest($2::text[]) AS ch(channel)
        WHERE n.id = ANY($1::bigint[])
        ORDER BY n.id, ch.channel
       ON CONFLICT (notification_id, channel) DO NOTHING
       RETURNING id`,
      [notificationIds, this.settings.channels],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Sends notifications that were rewritten (e.g. a growing group-dispute alert) out again: the finished deliveries
   * are set pending once more (one per notification and channel), missing ones are created. Returns the ids to publish.
   */
  async resend(m: EntityManager, notificationIds: string[]): Promise<string[]> {
    if (!notificationIds.length) return [];
    const { rows } = await execSql<{ id: string }>(
      m,
      `UPDATE deliveries SET status = 'pending', attempts = 0, last_error = NULL, delivered_at = NULL, updated_at = now()
        WHERE notification_id = ANY($1::bigint[]) AND status <> 'pending' RETURNING id`,
      [notificationIds],
    );
    return [...rows.map((r) => String(r.id)), ...(await this.createFor(m, notificationIds))];
  }

  /**
   * Sends one delivery at most once at a time. 'skipped' when it is gone, no longer pending, or being sent by another
   * worker right now (its lock is held). A failed send is recorded and rethrown for a retry, until the last attempt,
   * which dead-letters it. The row lock is held across the send: two workers never send the same delivery at once.
   */
  async deliver(deliveryId: string): Promise<DeliverOutcome> {
    const outcome = await this.ds.transaction(async (m): Promise<DeliverOutcome | DeliveryFailedError> => {
      const [d] = await m.query(
        `SELECT d.id, d.channel, d.user_id, d.attempts, n.id AS notification_id, n.title, n.body, n.case_id
           FROM deliveries d LEFT JOIN notifications n ON n.id = d.notification_id
          WHERE d.id = $1 AND d.status = 'pending'
          FOR UPDATE OF d SKIP LOCKED`,
        [deliveryId],
      );
      if (!d) return 'skipped';
      if (d.notification_id === null) return this.bury(m, deliveryId, 'notification no longer exists');
      const adapter = this.registry.get(d.channel);
      if (!adapter) return this.bury(m, deliveryId, `channel ${d.channel} is not configured`);
      try {
        await adapter.send({ deliveryId: d.id, userId: d.user_id, title: d.title, body: d.body, caseId: d.case_id });
      } catch (e) {
        return this.recordFailure(m, deliveryId, errorText(e));
      }
      await m.query(
        `UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_error = NULL, delivered_at = now(), updated_at = now() WHERE id = $1`,
        [deliveryId],
      );
      return 'delivered';
    });
    // Thrown only after the commit, so the attempt and its error stay recorded.
    if (outcome instanceof DeliveryFailedError) throw outcome;
    return outcome;
  }

  private async recordFailure(m: EntityManager, id: string, error: string): Promise<DeliverOutcome | DeliveryFailedError> {
    const {
      rows: [row],
    } = await execSql<{ status: string; attempts: number }>(
      m,
      `UPDATE deliveries SET attempts = attempts + 1, last_error = $2, updated_at = now(),
              status = CASE WHEN attempts + 1 >= $3 THEN 'dead' ELSE 'pending' END
        WHERE id = $1 RETURNING status, attempts`,
      [id, error, this.settings.maxAttempts],
    );
    if (row.status === 'dead') {
      this.logger.warn(`delivery ${id} dead-lettered after ${row.attempts} attempts`);
      return 'skipped';
    }
    return new DeliveryFailedError(id, row.attempts, error);
  }

  /** Cannot ever be sent: dead-letter it at once instead of burning retries. */
  private async bury(m: EntityManager, id: string, reason: string): Promise<DeliverOutcome> {
    await m.query(`UPDATE deliveries SET status = 'dead', last_error = $2, updated_at = now() WHERE id = $1`, [id, reason]);
    this.logger.warn(`delivery ${id} dead-lettered: ${reason}`);
    return 'skipped';
  }

  /**
   * Pending deliveries untouched for a while: their job was lost (Redis emptied) or gave up early. Rows being sent
   * right now are locked and left out. Pass the sweep's transaction as `db` so that concurrent sweepers share the
   * work, then write outbox rows for the ids and `touch` them in that same transaction.
   */
  async stalePending(olderThanSeconds: number, limit: number, db: Db = this.ds): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT id FROM deliveries
        WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [olderThanSeconds, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Marks deliveries as just re-published, so the next sweep leaves them alone. */
  async touch(ids: string[], db: Db = this.ds): Promise<number> {
    if (!ids.length) return 0;
    const { affected } = await execSql(db, `UPDATE deliveries SET updated_at = now() WHERE id = ANY($1::bigint[]) AND status = 'pending'`, [ids]);
    return affected;
  }

  /** How many deliveries were given up (the administrator's home figure: the rows deadLetters lists). */
  async deadLetterCount(): Promise<number> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM deliveries d WHERE d.status = 'dead'`);
    return n;
  }

  /** Dead letters for administrators, newest first; no notification text (it may name a case). */
  async deadLetters(limit: number, before?: string): Promise<{ items: DeadLetter[]; nextCursor: string | null }> {
    const rows = await this.ds.query(
      `SELECT d.id, d.notification_id, d.user_id, d.channel, n.kind, d.attempts, d.last_error, d.created_at, d.updated_at
         FROM deliveries d LEFT JOIN notifications n ON n.id = d.notification_id
        WHERE d.status = 'dead' ${before !== undefined ? 'AND d.id < $2::bigint' : ''}
        ORDER BY d.id DESC LIMIT $1`,
      [limit + 1, ...(before !== undefined ? [before] : [])],
    );
    const items: DeadLetter[] = rows.slice(0, limit).map((r: any) => ({
      id: r.id, notificationId: r.notification_id, userId: r.user_id, channel: r.channel, kind: r.kind ?? null, attempts: r.attempts,
      lastError: r.last_error, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
    }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
