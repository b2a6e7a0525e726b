import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, Role, type Actor } from '@fuyi/kernel';
import { AuditService } from '@fuyi/platform';
import { isRuleId } from '@fuyi/deadlines';
import { CalendarService } from './calendar.service';
import { lockCalendarShared } from './calendar-lock';
import { loadPolicies, MilestoneWriter } from './milestone-writer';
import type { ReminderPolicy } from './milestone-plan';

const RECIPIENTS = new Set<string>(['handler', Role.SectionChief, Role.OfficeHead, Role.ReconsiderationClerk]);
const REPLAN_BATCH = 2000;

/** Reminder policies per rule and recipient; a change re-plans the pending reminders of the running clocks it covers. */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly milestones: MilestoneWriter,
  ) {}

  list(): Promise<ReminderPolicy[]> {
    return loadPolicies(this.ds);
  }

  async set(actor: Actor, policy: ReminderPolicy): Promise<{ policy: ReminderPolicy; clocksReplanned: number }> {
    if (policy.rule !== '*' && !isRuleId(policy.rule)) throw invalid('rule', `未知的期限规则：${policy.rule}`);
    if (!RECIPIENTS.has(policy.recipientRole)) throw invalid('recipientRole', '提醒对象应为 handler（承办人）、reconsideration_clerk、section_chief 或 office_head');
    const offsets = [...new Set(policy.offsets)].sort((a, b) => a - b);
    return this.ds.transaction(async (m) => {
      await lockCalendarShared(m);
      await m.query(
        `INSERT INTO reminder_policies (rule, recipient_role, offsets, overdue_daily) VALUES ($1, $2, $3, $4)
         ON CONFLICT (rule, recipient_role) DO UPDATE SET offsets = EXCLUDED.offsets, overdue_daily = EXCLUDED.overdue_daily`,
        [policy.rule, policy.recipientRole, JSON.stringify(offsets), policy.overdueDaily],
      );
      const calendar = await this.calendars.current(m);
      let replanned = 0;
      for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
        const ids: Array<{ id: string }> = await m.query(
          `SELECT id FROM case_clocks WHERE status = 'running' AND ($1 = '*' OR rule = $1) AND id > $2 ORDER BY id LIMIT ${REPLAN_BATCH} FOR UPDATE`,
          [policy.rule, after],
        );
        if (!ids.length) break;
        await this.milestones.replace(m, calendar, ids.map((r) => r.id));
        replanned += ids.length;
        after = ids[ids.length - 1].id;
      }
      await this.audit.record(m, {
        action: 'reminder_policy.set', subjectType: 'reminder_policy', subjectId: `${policy.rule}/${policy.recipientRole}`, actor,
        summary: { offsets, overdueDaily: policy.overdueDaily, clocksReplanned: replanned },
      });
      return { policy: { ...policy, offsets }, clocksReplanned: replanned };
    });
  }
}

const invalid = (field: string, message: string) => new DomainError('REMINDER_POLICY_INVALID', message, 'invalid', { fields: [{ field, message }] });
