import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { execSql } from '@fuyi/platform';
import { NotificationErrors } from './notification-errors';

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
    const rows = await this.ds.query(
      `SELECT n.id, n.kind, n.title, n.body, n.case_id, c.case_number, n.created_at, n.read_at
         FROM notifications n LEFT JOIN cases c ON c.id = n.case_id
        WHERE n.user_id = $1 ${q.unreadOnly ? 'AND n.read_at IS NULL' : ''} ${q.cursor !== undefined ? 'AND n.id < $3::bigint' : ''}
        ORDER BY n.id DESC LIMIT $2`,
      [userId, q.limit + 1, ...(q.cursor !== undefined ? [q.cursor] : [])],
    );
    const items: InboxItem[] = rows.slice(0, q.limit).map((r: any) => ({
      id: r.id, kind: r.kind, title: r.title, body: r.body, caseId: r.case_id, caseNumber: r.case_number ?? null,
      createdAt: iso(r.created_at) as string, readAt: iso(r.read_at),
    }));
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].id : null };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.ds.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return n;
  }

  /** Idempotent: marking an already read notification keeps its first read time. */
  async markRead(userId: string, id: string): Promise<{ id: string; readAt: string }> {
    if (!BIGINT_ID.test(id)) throw NotificationErrors.notFound();
    const { rows } = await execSql<{ id: string; read_at: Date }>(
      this.ds,
      'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, read_at',
      [id, userId],
    );
    if (!rows[0]) throw NotificationErrors.notFound();
    return { id: rows[0].id, readAt: iso(rows[0].read_at) as string };
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    const { affected } = await execSql(this.ds, 'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return { updated: affected };
  }
}
