import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@fuyi/kernel';
import { JobName, OutboxService, type JobItem } from '@fuyi/platform';
import { NOTIFICATION_FAN_OUT, type NotificationFanOut } from '@fuyi/clocks';

export interface LiaisonMessage {
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  /** Every active user of these roles gets the message. */
  roles: readonly Role[];
}

/**
 * The liaison workflow's one path into the inbox (like the reminder scanner's): notification rows per active user of
 * the roles, their deliveries over the external channels, and the outbox jobs that send them — all in the caller's
 * transaction. Texts carry no personal data (titles and department names only).
 */
@Injectable()
export class LiaisonNotifier {
  constructor(private readonly outbox: OutboxService, @Optional() @Inject(NOTIFICATION_FAN_OUT) private readonly fanOut?: NotificationFanOut) {}

  async notify(m: EntityManager, items: LiaisonMessage[]): Promise<string[]> {
    if (!items.length) return [];
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO notifications (user_id, kind, title, body, case_id)
       SELECT u.id, t.kind, t.title, t.body, t.case_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[]) WITH ORDINALITY AS t(kind, title, body, case_id, roles, ord)
         JOIN users u ON u.active AND u.role = ANY(string_to_array(t.roles, ','))
        ORDER BY t.ord, u.role, u.id
       RETURNING id`,
      [items.map((i) => i.kind), items.map((i) => i.title), items.map((i) => i.body), items.map((i) => i.caseId), items.map((i) => i.roles.join(','))],
    );
    const ids = rows.map((r) => String(r.id));
    const deliveries = this.fanOut && ids.length ? await this.fanOut.createFor(m, ids) : [];
    await this.outbox.addMany(m, deliveries.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })));
    return ids;
  }
}
