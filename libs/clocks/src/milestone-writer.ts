import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@fuyi/kernel';
import { TimeSource } from '@fuyi/platform';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { planMilestones, type ReminderPolicy } from './milestone-plan';

export async function loadPolicies(m: Pick<EntityManager, 'query'>): Promise<ReminderPolicy[]> {
  const rows = await m.query('SELECT rule, recipient_role, offsets, overdue_daily FROM reminder_policies');
  return rows.map((r: any) => ({ rule: r.rule, recipientRole: r.recipient_role, offsets: r.offsets, overdueDaily: r.overdue_daily }));
}

/**
 * Replaces the pending milestones of clocks, in the caller's transaction: every change of a clock (start, pause,
 * resume, extension, recomputation, close) calls this, so no reminder is ever planned from a stale due date.
 */
/** The columns of a clock row that its milestones are planned from. */
export interface StartedClockRow {
  id: string;
  case_id: string;
  rule: string;
  due_date: string;
  version: number;
  status?: string;
}

@Injectable()
export class MilestoneWriter {
  constructor(private readonly time: TimeSource) {}

  async replace(m: EntityManager, calendar: WorkingCalendar, clockIds: string[]): Promise<void> {
    if (!clockIds.length) return;
    await m.query(`UPDATE clock_milestones SET status = 'cancelled' WHERE clock_id = ANY($1::uuid[]) AND status = 'pending'`, [clockIds]);
    const clocks = await m.query(`SELECT id, case_id, rule, due_date, version FROM case_clocks WHERE id = ANY($1::uuid[]) AND status = 'running'`, [clockIds]);
    await this.plan(m, calendar, clocks);
  }

  /**
   * The milestones of clocks just inserted (their rows as returned by the insert): nothing to cancel and nothing to
   * re-read, two round trips fewer on every registration and acceptance.
   */
  async planNew(m: EntityManager, calendar: WorkingCalendar, inserted: StartedClockRow[]): Promise<void> {
    await this.plan(m, calendar, inserted.filter((c) => c.status === 'running'));
  }

  private async plan(m: EntityManager, calendar: WorkingCalendar, clocks: StartedClockRow[]): Promise<void> {
    if (!clocks.length) return;
    const policies = await loadPolicies(m);
    const today = shanghaiDate(this.time.now());
    const rows = clocks.flatMap((c) =>
      planMilestones({ rule: c.rule, due: c.due_date }, policies, calendar, today).map((p) => ({ c, p })),
    );
    if (!rows.length) return;
    await m.query(
      `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
      [rows.map((r: any) => r.c.id), rows.map((r: any) => r.c.case_id), rows.map((r: any) => r.c.version), rows.map((r: any) => r.p.key),
        rows.map((r: any) => r.p.kind), rows.map((r: any) => r.p.recipientRole), rows.map((r: any) => r.p.fireAt.toISOString())],
    );
  }
}
