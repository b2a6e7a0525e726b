import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The planned milestones of clocks (clock_milestones: reminders and deadline effects, pending → fired | cancelled),
 * typed through the generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

/** Cancels the pending milestones of the clocks. */
export async function cancelPendingMilestonesOf(m: SqlRunner, clockIds: readonly string[]): Promise<void> {
  await rawExec(m, `UPDATE clock_milestones SET status = 'cancelled' WHERE clock_id = ANY($1::uuid[]) AND status = 'pending'`, [
    [...clockIds],
  ]);
}

export interface NewMilestone {
  clockId: string;
  caseId: string;
  clockVersion: number;
  key: string;
  kind: string;
  recipientRole: string;
  fireAt: Date;
}

/** Inserts planned milestones in one statement. */
export async function insertMilestones(m: SqlRunner, rows: readonly NewMilestone[]): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
    [
      rows.map((r) => r.clockId),
      rows.map((r) => r.caseId),
      rows.map((r) => r.clockVersion),
      rows.map((r) => r.key),
      rows.map((r) => r.kind),
      rows.map((r) => r.recipientRole),
      rows.map((r) => r.fireAt.toISOString()),
    ],
  );
}

/** A claimed milestone with its clock and case; `live` when its clock still runs at the version it was planned for. */
export type ClaimedMilestone = RowOf<
  'clock_milestones',
  'clock_id' | 'case_id' | 'clock_version' | 'key' | 'recipient_role' | 'fire_at'
> & {
  id: string;
  kind: 'reminder' | 'effect';
  rule: Row<'case_clocks'>['rule'];
  due_date: Row<'case_clocks'>['due_date'];
  // LEFT JOIN: null when the case has gone.
  case_number: Row<'cases'>['case_number'] | null;
  live: boolean;
};

/**
 * Claims up to `limit` pending milestones due by `now`, earliest first, locked (FOR UPDATE SKIP LOCKED: several
 * workers never take the same one), with their clock's rule and due date and the case number.
 */
export function claimDueMilestones(m: SqlRunner, now: Date, limit: number): Promise<ClaimedMilestone[]> {
  return rawRows<ClaimedMilestone>(
    m,
    `SELECT ms.id, ms.clock_id, ms.case_id, ms.clock_version, ms.key, ms.kind, ms.recipient_role, ms.fire_at, k.rule, k.due_date, c.case_number,
                (k.status = 'running' AND k.version = ms.clock_version) AS live
           FROM (SELECT * FROM clock_milestones WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED) ms
           JOIN case_clocks k ON k.id = ms.clock_id LEFT JOIN cases c ON c.id = ms.case_id`,
    [now, limit],
  );
}

/** Cancels the milestones (by id). */
export async function cancelMilestones(m: SqlRunner, ids: readonly string[]): Promise<void> {
  await rawExec(m, `UPDATE clock_milestones SET status = 'cancelled' WHERE id = ANY($1::bigint[])`, [[...ids]]);
}

/** Marks the milestones fired at `now`. */
export async function markMilestonesFired(m: SqlRunner, ids: readonly string[], now: Date): Promise<void> {
  await rawExec(m, `UPDATE clock_milestones SET status = 'fired', fired_at = $2 WHERE id = ANY($1::bigint[])`, [[...ids], now]);
}

/**
 * Plans the next overdue reminder of each clock, only while the clock still runs at the version given (a clock closed
 * or changed meanwhile gets none).
 */
export async function chainOverdueMilestones(
  m: SqlRunner,
  next: ReadonlyArray<{ clockId: string; caseId: string; clockVersion: number; key: string; recipientRole: string; fireAt: Date }>,
): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
       SELECT t.cid, t.kid, t.ver, t.mkey, 'reminder', t.role, t.fire_at
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[]) AS t(cid, kid, ver, mkey, role, fire_at)
         JOIN case_clocks k ON k.id = t.cid AND k.status = 'running' AND k.version = t.ver`,
    [
      next.map((x) => x.clockId),
      next.map((x) => x.caseId),
      next.map((x) => x.clockVersion),
      next.map((x) => x.key),
      next.map((x) => x.recipientRole),
      next.map((x) => x.fireAt.toISOString()),
    ],
  );
}
