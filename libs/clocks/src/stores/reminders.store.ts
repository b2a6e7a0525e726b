import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Fired reminders and effects (reminders) and the reminder policies (reminder_policies), typed through the generated
 * schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

export type PolicyRow = RowOf<'reminder_policies', 'rule' | 'recipient_role' | 'overdue_daily'> & { offsets: number[] };

export function allReminderPolicies(m: SqlRunner): Promise<PolicyRow[]> {
  return rawRows<PolicyRow>(m, 'SELECT rule, recipient_role, offsets, overdue_daily FROM reminder_policies');
}

/** Sets the policy of a rule and recipient (insert, or replace its offsets and overdue flag). */
export async function putReminderPolicy(
  m: SqlRunner,
  p: { rule: string; recipientRole: string; offsets: number[]; overdueDaily: boolean },
): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO reminder_policies (rule, recipient_role, offsets, overdue_daily) VALUES ($1, $2, $3, $4)
         ON CONFLICT (rule, recipient_role) DO UPDATE SET offsets = EXCLUDED.offsets, overdue_daily = EXCLUDED.overdue_daily`,
    [p.rule, p.recipientRole, JSON.stringify(p.offsets), p.overdueDaily],
  );
}

export interface FiredMilestone {
  id: string;
  clock_id: string;
  case_id: string;
  key: string;
  clock_version: number;
  kind: string;
  recipient_role: string;
  fire_at: Date;
}

/**
 * Records each fired milestone once, under its unique key (clock, milestone, recipient role, clock version): a repeat
 * records nothing. Returns the new reminder id by milestone id.
 */
export async function recordFiredReminders(m: SqlRunner, due: readonly FiredMilestone[], now: Date): Promise<Map<string, string>> {
  const rows = await rawRows<RowOf<'reminders', 'id' | 'milestone_id'>>(
    m,
    `INSERT INTO reminders (milestone_id, clock_id, case_id, milestone_key, clock_version, kind, recipient_role, due_at, fired_at)
       SELECT mid, cid, kid, mkey, ver, kind, role, due_at, $9
         FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])
           AS t(mid, cid, kid, mkey, ver, kind, role, due_at)
       ON CONFLICT DO NOTHING RETURNING id, milestone_id`,
    [
      due.map((d) => d.id),
      due.map((d) => d.clock_id),
      due.map((d) => d.case_id),
      due.map((d) => d.key),
      due.map((d) => d.clock_version),
      due.map((d) => d.kind),
      due.map((d) => d.recipient_role),
      due.map((d) => d.fire_at),
      now,
    ],
  );
  return new Map(rows.map((r) => [String(r.milestone_id), String(r.id)]));
}

export type ReminderRecipient = { milestone_id: string; user_id: Row<'users'>['id'] };

/**
 * Who a reminder reaches: 'handler' = the case's handler (or its registering clerk), any other role = its active
 * users; in the order of the reminders given, then by user id.
 */
export function reminderRecipients(
  m: SqlRunner,
  reminders: ReadonlyArray<{ id: string; case_id: string; recipient_role: string }>,
): Promise<ReminderRecipient[]> {
  return rawRows<ReminderRecipient>(
    m,
    `SELECT t.milestone_id, u.id AS user_id
         FROM unnest($1::bigint[], $2::uuid[], $3::text[]) WITH ORDINALITY AS t(milestone_id, case_id, role, ord)
         JOIN cases c ON c.id = t.case_id
         JOIN users u ON u.active AND ((t.role = 'handler' AND u.id = coalesce(c.handler_id, c.registered_by)) OR u.role = t.role)
        ORDER BY t.ord, u.id`,
    [reminders.map((r) => r.id), reminders.map((r) => r.case_id), reminders.map((r) => r.recipient_role)],
  );
}

/**
 * Deadline effects recorded (fired) more than `staleSeconds` ago whose clock still runs at the version they fired for,
 * oldest first, locked (FOR UPDATE OF r SKIP LOCKED) so two sweeping workers split the work.
 */
export function lockStaleFiredEffects(
  m: SqlRunner,
  staleSeconds: number,
  limit: number,
): Promise<Array<{ clock_id: string; effect: string }>> {
  return rawRows<RowOf<'reminders', 'clock_id'> & { effect: Row<'reminders'>['milestone_key'] }>(
    m,
    `SELECT r.clock_id, r.milestone_key AS effect FROM reminders r
       JOIN case_clocks k ON k.id = r.clock_id AND k.status = 'running' AND k.version = r.clock_version
      WHERE r.kind = 'effect' AND r.fired_at < now() - make_interval(secs => $1) ORDER BY r.fired_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
    [staleSeconds, limit],
  );
}
