import { qb, rawRows, run, runCounted, runFirst, sql, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The deliveries table (one row per notification and external channel: pending → delivered | dead), typed through
 * the generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

/** One pending delivery per notification and channel, for active users; a repeat creates nothing. Returns the new ids. */
export async function createDeliveries(m: SqlRunner, notificationIds: readonly string[], channels: readonly string[]): Promise<string[]> {
  if (!notificationIds.length || !channels.length) return [];
  // Raw SQL: INSERT … SELECT over unnest, ON CONFLICT on the (notification_id, channel) pair.
  const rows = await rawRows<RowOf<'deliveries', 'id'>>(
    m,
    `INSERT INTO deliveries (notification_id, user_id, channel)
     SELECT n.id, n.user_id, ch.channel
       FROM notifications n JOIN users u ON u.id = n.user_id AND u.active
      CROSS JOIN unnest($2::text[]) AS ch(channel)
      WHERE n.id = ANY($1::bigint[])
      ORDER BY n.id, ch.channel
     ON CONFLICT (notification_id, channel) DO NOTHING
     RETURNING id`,
    [[...notificationIds], [...channels]],
  );
  return rows.map((r) => r.id);
}

/** Finished deliveries of the notifications set pending again, attempts reset; returns their ids. */
export async function reopenDeliveries(m: SqlRunner, notificationIds: readonly string[]): Promise<string[]> {
  if (!notificationIds.length) return [];
  const rows = await run(
    m,
    qb
      .updateTable('deliveries')
      .set({ status: 'pending', attempts: 0, last_error: null, delivered_at: null, updated_at: sql<Date>`now()` })
      .where('notification_id', '=', sql<string>`ANY(${[...notificationIds]}::bigint[])`)
      .where('status', '<>', 'pending')
      .returning('id'),
  );
  return rows.map((r) => String(r.id));
}

export type SendableDelivery = RowOf<'deliveries', 'id' | 'channel' | 'user_id' | 'attempts'> & {
  // LEFT JOIN: null when the notification has gone.
  notification_id: Row<'notifications'>['id'] | null;
  title: Row<'notifications'>['title'] | null;
  body: Row<'notifications'>['body'] | null;
  case_id: Row<'notifications'>['case_id'];
};

/**
 * A pending delivery with its notification's text, its row locked for the send (FOR UPDATE OF d SKIP LOCKED):
 * undefined when it is gone, no longer pending, or being sent by another worker right now.
 */
export async function lockPendingDelivery(m: SqlRunner, deliveryId: string): Promise<SendableDelivery | undefined> {
  const [row] = await rawRows<SendableDelivery>(
    m,
    `SELECT d.id, d.channel, d.user_id, d.attempts, n.id AS notification_id, n.title, n.body, n.case_id
       FROM deliveries d LEFT JOIN notifications n ON n.id = d.notification_id
      WHERE d.id = $1 AND d.status = 'pending'
      FOR UPDATE OF d SKIP LOCKED`,
    [deliveryId],
  );
  return row;
}

export async function markDelivered(m: SqlRunner, deliveryId: string): Promise<void> {
  await run(
    m,
    qb
      .updateTable('deliveries')
      .set((e) => ({
        status: 'delivered',
        attempts: e('attempts', '+', 1),
        last_error: null,
        delivered_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', deliveryId),
  );
}

/** Counts a failed attempt; the last allowed one dead-letters the delivery. Returns its status and attempts after. */
export async function recordFailedAttempt(
  m: SqlRunner,
  deliveryId: string,
  error: string,
  maxAttempts: number,
): Promise<RowOf<'deliveries', 'status' | 'attempts'>> {
  const row = await runFirst(
    m,
    qb
      .updateTable('deliveries')
      .set((e) => ({
        attempts: e('attempts', '+', 1),
        last_error: error,
        updated_at: sql<Date>`now()`,
        status: sql<string>`CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'dead' ELSE 'pending' END`,
      }))
      .where('id', '=', deliveryId)
      .returning(['status', 'attempts']),
  );
  if (!row) throw new Error(`delivery ${deliveryId} vanished while locked`);
  return row;
}

/** Dead-letters a delivery that can never be sent. */
export async function buryDelivery(m: SqlRunner, deliveryId: string, reason: string): Promise<void> {
  await run(
    m,
    qb
      .updateTable('deliveries')
      .set({ status: 'dead', last_error: reason, updated_at: sql<Date>`now()` })
      .where('id', '=', deliveryId),
  );
}

/** Pending deliveries untouched for a while, oldest first, rows locked (SKIP LOCKED: ones being sent are left out). */
export async function lockStalePending(m: SqlRunner, olderThanSeconds: number, limit: number): Promise<string[]> {
  const rows = await rawRows<RowOf<'deliveries', 'id'>>(
    m,
    `SELECT id FROM deliveries
      WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1)
      ORDER BY updated_at LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [olderThanSeconds, limit],
  );
  return rows.map((r) => r.id);
}

/** Marks pending deliveries as just re-published; returns how many. */
export async function touchPending(m: SqlRunner, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { affected } = await runCounted(
    m,
    qb
      .updateTable('deliveries')
      .set({ updated_at: sql<Date>`now()` })
      .where('id', '=', sql<string>`ANY(${[...ids]}::bigint[])`)
      .where('status', '=', 'pending'),
  );
  return affected;
}

/** Dead letters, newest first, keyset-paged on id; with the notification's kind (never its text). Asks for `limit` rows. */
export async function deadLetterPage(m: SqlRunner, limit: number, beforeId?: string) {
  return run(
    m,
    qb
      .selectFrom('deliveries as d')
      .leftJoin('notifications as n', 'n.id', 'd.notification_id')
      .select([
        'd.id',
        'd.notification_id',
        'd.user_id',
        'd.channel',
        'n.kind',
        'd.attempts',
        'd.last_error',
        'd.created_at',
        'd.updated_at',
      ])
      .where('d.status', '=', 'dead')
      .$if(beforeId !== undefined, (q) => q.where('d.id', '<', beforeId!))
      .orderBy('d.id', 'desc')
      .limit(limit),
  );
}

/** How many deliveries were given up (status dead). */
export async function deadCount(m: SqlRunner): Promise<number> {
  const row = await runFirst(m, qb.selectFrom('deliveries').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'dead'));
  return row?.n ?? 0;
}
