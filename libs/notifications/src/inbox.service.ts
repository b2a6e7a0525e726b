import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationErrors } from './notification-errors';
import * as Notifications from './stores/notifications.store';

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  caseNumber: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  /** The id of the last item; pass it back as `cursor` for the next (older) page. */
  nextCursor: string | null;
}

export interface InboxQuery {
  unreadOnly?: boolean;
  limit: number;
  cursor?: string;
}

const BIGINT_ID = /^\d{1,18}$/;
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Each user's in-app inbox. Only ever the caller's own rows: another user's id answers 404. */
@Injectable()
export class InboxService {
  constructor(private readonly ds: DataSource) {}

  /** Newest first; keyset paging on id (bigserial, so insertion order), no OFFSET scans. */
  async list(userId: string, q: InboxQuery): Promise<InboxPage> {
    if (q.cursor !== undefined && !BIGINT_ID.test(q.cursor)) throw NotificationErrors.invalidCursor();
    const rows = await Notifications.inboxPage(this.ds, userId, { unreadOnly: !!q.unreadOnly, limit: q.limit + 1, beforeId: q.cursor });
    const items: InboxItem[] = rows.slice(0, q.limit).map((r) => ({
      id: r.id, kind: r.kind, title: r.title, body: r.body, caseId: r.case_id, caseNumber: r.case_number ?? null,
      createdAt: iso(r.created_at) as string, readAt: iso(r.read_at),
    }));
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
  }

  async unreadCount(userId: string): Promise<number> {
    return Notifications.unreadCount(this.ds, userId);
  }

  /** Idempotent: marking an already read notification keeps its first read time. */
  async markRead(userId: string, id: string): Promise<{ id: string; readAt: string }> {
    if (!BIGINT_ID.test(id)) throw NotificationErrors.notFound();
    const row = await Notifications.markRead(this.ds, userId, id);
    if (!row) throw NotificationErrors.notFound();
    return { id: row.id, readAt: iso(row.read_at) as string };
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    return { updated: await Notifications.markAllRead(this.ds, userId) };
  }
}
