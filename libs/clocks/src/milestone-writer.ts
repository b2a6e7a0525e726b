import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@fuyi/kernel';
import { TimeSource, type SqlRunner } from '@fuyi/platform';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { planMilestones, type ReminderPolicy } from './milestone-plan';
import * as Clocks from './stores/clocks.store';
import * as Milestones from './stores/milestones.store';
import { allReminderPolicies } from './stores/reminders.store';

export async function loadPolicies(m: SqlRunner): Promise<ReminderPolicy[]> {
  const rows = await allReminderPolicies(m);
  return rows.map((r) => ({ rule: r.rule, recipientRole: r.recipient_role, offsets: r.offsets, overdueDaily: r.overdue_daily }));
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
    await Milestones.cancelPendingMilestonesOf(m, clockIds);
    const clocks = await Clocks.runningClocksAmong(m, clockIds);
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
    await Milestones.insertMilestones(
      m,
      rows.map(({ c, p }) => ({ clockId: c.id, caseId: c.case_id, clockVersion: c.version, key: p.key, kind: p.kind, recipientRole: p.recipientRole, fireAt: p.fireAt })),
    );
  }
}
