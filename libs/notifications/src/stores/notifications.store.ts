import { qb, rawExec, rawRows, run, runCounted, runFirst, sql, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The notifications table (each user's inbox): every read and write of it, typed through the generated schema
 * (issue 19 item 2). Callers pass their EntityManager, so each function runs in the caller's transaction.
 */

export interface NotificationInsert {
  userId: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  reminderId: string | null;
}

/**
 * Inserts notifications for the users who are active, in the order given; a repeated reminder notice (unique per
 * reminder and recipient) inserts nothing. Returns the new ids. Raw SQL: unnest … WITH ORDINALITY keeps the order.
 */
export async function insertNotifications(m: SqlRunner, rows: readonly NotificationInsert[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await rawRows<RowOf<'notifications', 'id'>>(
    m,
    `INSERT INTO notifications (user_id, kind, title, body, case_id, reminder_id)
     SELECT t.user_id, t.kind, t.title, t.body, t.case_id, t.reminder_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::bigint[])
            WITH ORDINALITY AS t(user_id, kind, title, body, case_id, reminder_id, ord)
       JOIN users u ON u.id = t.user_id AND u.active
      ORDER BY t.ord
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      rows.map((n) => n.userId),
      rows.map((n) => n.kind),
      rows.map((n) => n.title),
      rows.map((n) => n.body),
      rows.map((n) => n.caseId),
      rows.map((n) => n.reminderId),
    ],
  );
  return inserted.map((r) => String(r.id));
}

/** New text, unread again; returns the ids rewritten, ascending. */
export async function rewriteNotifications(m: SqlRunner, ids: readonly string[], text: { title: string; body: string }): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await run(
    m,
    qb
      .updateTable('notifications')
      .set({ title: text.title, body: text.body, read_at: null })
      .where('id', '=', sql<string>`ANY(${[...ids]}::bigint[])`)
      .returning('id'),
  );
  return rows.map((n) => String(n.id)).sort((a, b) => Number(a) - Number(b));
}

/** The active users of the roles, ordered by role then id, but `exceptUserId`. */
export async function activeUserIdsOfRoles(m: SqlRunner, roles: readonly string[], exceptUserId: string | null): Promise<string[]> {
  if (!roles.length) return [];
  const rows = await run(
    m,
    qb
      .selectFrom('users')
      .select('id')
      .where('active', '=', true)
      .where('role', 'in', [...roles])
      .$if(exceptUserId !== null, (q) => q.where('id', '!=', exceptUserId!))
      .orderBy('role')
      .orderBy('id'),
  );
  return rows.map((r) => r.id);
}

export type InboxRow = RowOf<'notifications', 'id' | 'kind' | 'title' | 'body' | 'case_id' | 'created_at' | 'read_at'> & {
  case_number: Row<'cases'>['case_number'] | null;
};

/** A user's inbox page, newest first, keyset-paged on id (bigserial: insertion order). Asks for `limit` rows. */
export async function inboxPage(
  m: SqlRunner,
  userId: string,
  q: { unreadOnly: boolean; limit: number; beforeId?: string },
): Promise<InboxRow[]> {
  return run(
    m,
    qb
      .selectFrom('notifications as n')
      .leftJoin('cases as c', 'c.id', 'n.case_id')
      .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.case_id', 'c.case_number', 'n.created_at', 'n.read_at'])
      .where('n.user_id', '=', userId)
      .$if(q.unreadOnly, (s) => s.where('n.read_at', 'is', null))
      .$if(q.beforeId !== undefined, (s) => s.where('n.id', '<', q.beforeId!))
      .orderBy('n.id', 'desc')
      .limit(q.limit),
  );
}

export async function unreadCount(m: SqlRunner, userId: string): Promise<number> {
  const row = await runFirst(
    m,
    qb
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null),
  );
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read, keeping its first read time; undefined when it is not theirs. */
export async function markRead(m: SqlRunner, userId: string, id: string): Promise<{ id: string; read_at: Date } | undefined> {
  const row = await runFirst(
    m,
    qb
      .updateTable('notifications')
      .set({ read_at: sql<Date>`coalesce(read_at, now())` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning(['id', 'read_at']),
  );
  return row && { id: row.id, read_at: row.read_at! };
}

export async function markAllRead(m: SqlRunner, userId: string): Promise<number> {
  const { affected } = await runCounted(
    m,
    qb
      .updateTable('notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null),
  );
  return affected;
}

/** Serialises digest runs for one day (no unique index on digests): held to the end of the caller's transaction. */
export async function lockDigestDay(m: SqlRunner, day: string): Promise<void> {
  await rawExec(m, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`fuyi.digest:${day}`]);
}

/** Whether any digest with this title (the day's marker) has been written. */
export async function digestWritten(m: SqlRunner, digestKind: string, digestTitle: string): Promise<boolean> {
  const row = await runFirst(
    m,
    qb
      .selectFrom('notifications')
      .select(sql<number>`1`.as('one'))
      .where('kind', '=', digestKind)
      .where('title', '=', digestTitle)
      .limit(1),
  );
  return row !== undefined;
}

export type DigestCountRow = RowOf<'notifications', 'user_id'> & { unread: number; due_soon: number; overdue: number };

/**
 * Per active user without today's digest yet: unread notifications (digests aside), running clocks due within the
 * horizon and overdue ones, for the cases they handle (or registered, while unassigned). Raw SQL: FILTER aggregates.
 */
export async function digestCounts(
  m: SqlRunner,
  today: string,
  digestKind: string,
  digestTitle: string,
  horizonDays: number,
): Promise<DigestCountRow[]> {
  return rawRows<DigestCountRow>(
    m,
    `SELECT u.id AS user_id,
            (SELECT count(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL AND n.kind <> $2)::int AS unread,
            coalesce(k.due_soon, 0)::int AS due_soon, coalesce(k.overdue, 0)::int AS overdue
       FROM users u
       LEFT JOIN (SELECT coalesce(c.handler_id, c.registered_by) AS user_id,
                         count(*) FILTER (WHERE k.due_date >= $1::date) AS due_soon,
                         count(*) FILTER (WHERE k.due_date < $1::date) AS overdue
                    FROM case_clocks k JOIN cases c ON c.id = k.case_id
                   WHERE k.status = 'running' AND k.due_date <= $1::date + $4::int
                   GROUP BY 1) k ON k.user_id = u.id
      WHERE u.active
        AND NOT EXISTS (SELECT 1 FROM notifications d WHERE d.user_id = u.id AND d.kind = $2 AND d.title = $3)`,
    [today, digestKind, digestTitle, horizonDays],
  );
}
