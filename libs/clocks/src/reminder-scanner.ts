import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { JobName, OutboxService, TimeSource, type JobItem } from '@fuyi/platform';
import { RULES, type RuleId } from '@fuyi/deadlines';
import { Notifier } from '@fuyi/notifications';
import { CalendarService } from './calendar.service';
import { lockCalendarShared } from './calendar-lock';
import { EFFECT_OF_RULE, nextWorkingDay, overdueOn } from './milestone-plan';

interface DueMilestone {
  id: string;
  clock_id: string;
  case_id: string;
  clock_version: number;
  key: string;
  kind: 'reminder' | 'effect';
  recipient_role: string;
  fire_at: Date;
  rule: string;
  due_date: string;
  case_number: string | null;
}

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
    private readonly ds: DataSource,
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
    return this.ds.transaction(async (m) => {
      await lockCalendarShared(m);
      const claimed: Array<DueMilestone & { live: boolean }> = await m.query(
        `SELECT ms.id, ms.clock_id, ms.case_id, ms.clock_version, ms.key, ms.kind, ms.recipient_role, ms.fire_at, k.rule, k.due_date, c.case_number,
                (k.status = 'running' AND k.version = ms.clock_version) AS live
           FROM (SELECT * FROM clock_milestones WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED) ms
           JOIN case_clocks k ON k.id = ms.clock_id LEFT JOIN cases c ON c.id = ms.case_id`,
        [now, limit],
      );
      if (!claimed.length) return 0;
      // A milestone planned for a clock version that has since changed (closed, paused, extended) is stale: never fire it.
      const stale = claimed.filter((d) => !d.live).map((d) => d.id);
      if (stale.length) await m.query(`UPDATE clock_milestones SET status = 'cancelled' WHERE id = ANY($1::bigint[])`, [stale]);
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
    const rows = await m.query(
      `INSERT INTO reminders (milestone_id, clock_id, case_id, milestone_key, clock_version, kind, recipient_role, due_at, fired_at)
       SELECT mid, cid, kid, mkey, ver, kind, role, due_at, $9
         FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])
           AS t(mid, cid, kid, mkey, ver, kind, role, due_at)
       ON CONFLICT DO NOTHING RETURNING id, milestone_id`,
      [due.map((d) => d.id), due.map((d) => d.clock_id), due.map((d) => d.case_id), due.map((d) => d.key), due.map((d) => d.clock_version),
        due.map((d) => d.kind), due.map((d) => d.recipient_role), due.map((d) => d.fire_at), now],
    );
    await m.query(`UPDATE clock_milestones SET status = 'fired', fired_at = $2 WHERE id = ANY($1::bigint[])`, [due.map((d) => d.id), now]);
    return new Map(rows.map((r: any) => [String(r.milestone_id), String(r.id)]));
  }

  /** In-app notifications: 'handler' = the case's handler (or its registering clerk), any other role = its active users. */
  private async notify(m: EntityManager, reminders: DueMilestone[], fresh: Map<string, string>): Promise<void> {
    const withCase = reminders.filter((r) => r.case_number);
    if (!withCase.length) return;
    const recipients: Array<{ milestone_id: string; user_id: string }> = await m.query(
      `SELECT t.milestone_id, u.id AS user_id
         FROM unnest($1::bigint[], $2::uuid[], $3::text[]) WITH ORDINALITY AS t(milestone_id, case_id, role, ord)
         JOIN cases c ON c.id = t.case_id
         JOIN users u ON u.active AND ((t.role = 'handler' AND u.id = coalesce(c.handler_id, c.registered_by)) OR u.role = t.role)
        ORDER BY t.ord, u.id`,
      [withCase.map((r) => r.id), withCase.map((r) => r.case_id), withCase.map((r) => r.recipient_role)],
    );
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
    await m.query(
      `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
       SELECT t.cid, t.kid, t.ver, t.mkey, 'reminder', t.role, t.fire_at
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[]) AS t(cid, kid, ver, mkey, role, fire_at)
         JOIN case_clocks k ON k.id = t.cid AND k.status = 'running' AND k.version = t.ver`,
      [next.map((x) => x.r.clock_id), next.map((x) => x.r.case_id), next.map((x) => x.r.clock_version), next.map((x) => x.p.key),
        next.map((x) => x.p.recipientRole), next.map((x) => x.p.fireAt.toISOString())],
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
