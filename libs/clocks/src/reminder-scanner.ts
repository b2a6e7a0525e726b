import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { JobName, OutboxService, TimeSource, UnitOfWork, type JobItem } from '@fuyi/platform';
import { RULES, type RuleId } from '@fuyi/deadlines';
import { Notifier } from '@fuyi/notifications';
import { CalendarService } from './calendar.service';
import { lockCalendarShared } from './calendar-lock';
import { EFFECT_OF_RULE, nextWorkingDay, overdueOn } from './milestone-plan';
import * as Milestones from './stores/milestones.store';
import * as Reminders from './stores/reminders.store';

type DueMilestone = Omit<Milestones.ClaimedMilestone, 'live'>;

/**
 * Fires due milestones. Claims a batch with FOR UPDATE SKIP LOCKED (several workers never take the same
 * milestone), records each reminder once under its unique key (clock, milestone, clock version), creates the
 * in-app notifications and their deliveries, and publishes the follow-up jobs through the outbox — all in one
 * transaction. The query walks the partial index of pending milestones by fire time, so its cost follows the
 * number of due milestones, not the number of open clocks.
 */
@Injectable()
export class ReminderScanner {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly time: TimeSource,
    private readonly notifier: Notifier,
  ) {}

  /** Scans until nothing is due; returns how many milestones fired. */
  async scanAll(batch = 1000): Promise<number> {
    let total = 0;
    for (let n = await this.scanBatch(batch); n > 0; n = await this.scanBatch(batch)) total += n;
    return total;
  }

  async scanBatch(limit = 1000): Promise<number> {
    const now = this.time.now();
    return this.uow.run(async (m) => {
      await lockCalendarShared(m);
      const claimed = await Milestones.claimDueMilestones(m, now, limit);
      if (!claimed.length) return 0;
      // A milestone planned for a clock version that has since changed (closed, paused, extended) is stale: never fire it.
      const stale = claimed.filter((d) => !d.live).map((d) => d.id);
      if (stale.length) await Milestones.cancelMilestones(m, stale);
      const due = claimed.filter((d) => d.live);
      if (!due.length) return claimed.length;
      const fresh = await this.recordReminders(m, due, now);
      const reminders = due.filter((d) => d.kind === 'reminder' && fresh.has(d.id));
      const effects = due.filter((d) => d.kind === 'effect' && fresh.has(d.id));
      await this.notify(m, reminders, fresh);
      const jobs: JobItem[] = [
        ...effects.map((e): JobItem => ({ name: JobName.DeadlineEffect, data: { clockId: e.clock_id, effect: EFFECT_OF_RULE[e.rule]! } })),
      ];
      await this.outbox.addMany(m, jobs);
      await this.chainOverdue(m, due.filter((d) => d.kind === 'reminder'));
      return claimed.length;
    });
  }

  /** Unique key (clock, milestone, recipient role, clock version): a milestone fired twice records one reminder. */
  private async recordReminders(m: EntityManager, due: DueMilestone[], now: Date): Promise<Map<string, string>> {
    const fresh = await Reminders.recordFiredReminders(m, due, now);
    await Milestones.markMilestonesFired(m, due.map((d) => d.id), now);
    return fresh;
  }

  /** In-app notifications: 'handler' = the case's handler (or its registering clerk), any other role = its active users. */
  private async notify(m: EntityManager, reminders: DueMilestone[], fresh: Map<string, string>): Promise<void> {
    const withCase = reminders.filter((r) => r.case_number);
    if (!withCase.length) return;
    const recipients = await Reminders.reminderRecipients(m, withCase);
    const byMilestone = new Map(withCase.map((r) => [r.id, r]));
    await this.notifier.notify(
      m,
      recipients.map(({ milestone_id, user_id }) => {
        const r = byMilestone.get(String(milestone_id))!;
        return { userId: user_id, kind: 'deadline_reminder', ...reminderText(r), caseId: r.case_id, reminderId: fresh.get(r.id) ?? null };
      }),
    );
  }

  /**
   * "Every working day while overdue": the next overdue reminder is planned as each one fires — also when this firing
   * was a repeat (re-planned after a policy change), so the chain never breaks.
   */
  private async chainOverdue(m: EntityManager, reminders: DueMilestone[]): Promise<void> {
    const overdue = reminders.filter((r) => r.key.startsWith('overdue-'));
    if (!overdue.length) return;
    const calendar = await this.calendars.current(m);
    // After an outage, catch up with one reminder today, not one for every working day missed.
    const yesterday = addDays(shanghaiDate(this.time.now()), -1);
    const next = overdue.map((r) => {
      const fired = r.key.slice('overdue-'.length);
      return { r, p: overdueOn(nextWorkingDay(calendar, fired > yesterday ? fired : yesterday), r.recipient_role) };
    });
    await Milestones.chainOverdueMilestones(
      m,
      next.map((x) => ({ clockId: x.r.clock_id, caseId: x.r.case_id, clockVersion: x.r.clock_version, key: x.p.key, recipientRole: x.p.recipientRole, fireAt: x.p.fireAt })),
    );
  }
}

function reminderText(r: DueMilestone): { title: string; body: string } {
  const label = RULES[r.rule as RuleId]?.label ?? r.rule;
  const title = `期限提醒：${label}`;
  if (r.key === 'due') return { title, body: `${r.case_number}：${label}今日（${r.due_date}）届满。` };
  if (r.key.startsWith('overdue-')) return { title: `期限已逾期：${label}`, body: `${r.case_number}：${label}已于${r.due_date}届满，现已逾期，请尽快处理。` };
  const days = r.key.replace('before-', '');
  return { title, body: `${r.case_number}：${label}将于${r.due_date}届满，还有${days}个工作日。` };
}
