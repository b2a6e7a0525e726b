import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@fuyi/kernel';
import { JobName, OutboxService, type JobItem } from '@fuyi/platform';
import { NOTIFICATION_FAN_OUT, type NotificationFanOut } from '@fuyi/clocks';

export interface CaseMessage {
  kind: string;
  title: string;
  /** Case number and what to do; never personal data (it is sent over SMS, e-mail and webhooks too). */
  body: string;
}

/**
 * Who is told about a step on a case (issue #12 item 9): in-app notification rows, their deliveries over the external
 * channels (the notifications library, through the clocks' NOTIFICATION_FAN_OUT port) and the outbox jobs that send
 * them, all in the caller's transaction, like the deadline effects and the reminders.
 */
@Injectable()
export class CaseNotifier {
  constructor(private readonly outbox: OutboxService, @Optional() @Inject(NOTIFICATION_FAN_OUT) private readonly fanOut?: NotificationFanOut) {}

  /** One user (e.g. the newly assigned handler), if active. */
  async toUser(m: EntityManager, userId: string, caseId: string, msg: CaseMessage): Promise<string[]> {
    const rows = await m.query(
      `INSERT INTO notifications (user_id, kind, title, body, case_id) SELECT u.id, $2, $3, $4, $5 FROM users u WHERE u.id = $1 AND u.active RETURNING id`,
      [userId, msg.kind, msg.title, msg.body, caseId],
    );
    return this.deliver(m, rows);
  }

  /** Every active user of a role except one (the submitter, who may not approve their own request). */
  async toRole(m: EntityManager, role: Role, caseId: string, msg: CaseMessage, except: string): Promise<string[]> {
    const rows = await m.query(
      `INSERT INTO notifications (user_id, kind, title, body, case_id)
       SELECT u.id, $2, $3, $4, $5 FROM users u WHERE u.role = $1 AND u.active AND u.id <> $6 ORDER BY u.id RETURNING id`,
      [role, msg.kind, msg.title, msg.body, caseId, except],
    );
    return this.deliver(m, rows);
  }

  private async deliver(m: EntityManager, rows: Array<{ id: string }>): Promise<string[]> {
    const ids = rows.map((r) => String(r.id));
    if (!this.fanOut || !ids.length) return ids;
    const deliveries = await this.fanOut.createFor(m, ids);
    await this.outbox.addMany(m, deliveries.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })));
    return ids;
  }
}
