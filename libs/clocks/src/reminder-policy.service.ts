import { Injectable } from '@nestjs/common';
import { DomainError, Role, type Actor } from '@fuyi/kernel';
import { AuditService, UnitOfWork } from '@fuyi/platform';
import { isRuleId } from '@fuyi/deadlines';
import { CalendarService } from './calendar.service';
import { lockCalendarShared } from './calendar-lock';
import { loadPolicies, MilestoneWriter } from './milestone-writer';
import type { ReminderPolicy } from './milestone-plan';
import { lockRunningClockIds } from './stores/clocks.store';
import { putReminderPolicy } from './stores/reminders.store';

const RECIPIENTS = new Set<string>(['handler', Role.SectionChief, Role.OfficeHead, Role.ReconsiderationClerk]);
const REPLAN_BATCH = 2000;

/** Reminder policies per rule and recipient; a change re-plans the pending reminders of the running clocks it covers. */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly milestones: MilestoneWriter,
  ) {}

  list(): Promise<ReminderPolicy[]> {
    return this.uow.read((m) => loadPolicies(m));
  }

  async set(actor: Actor, policy: ReminderPolicy): Promise<{ policy: ReminderPolicy; clocksReplanned: number }> {
    if (policy.rule !== '*' && !isRuleId(policy.rule)) throw invalid('rule', `未知的期限规则：${policy.rule}`);
    if (!RECIPIENTS.has(policy.recipientRole)) throw invalid('recipientRole', '提醒对象应为 handler（承办人）、reconsideration_clerk、section_chief 或 office_head');
    const offsets = [...new Set(policy.offsets)].sort((a, b) => a - b);
    return this.uow.run(async (m) => {
      await lockCalendarShared(m);
      await putReminderPolicy(m, { rule: policy.rule, recipientRole: policy.recipientRole, offsets, overdueDaily: policy.overdueDaily });
      const calendar = await this.calendars.current(m);
      let replanned = 0;
      for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
        const ids = await lockRunningClockIds(m, policy.rule, after, REPLAN_BATCH);
        if (!ids.length) break;
        await this.milestones.replace(m, calendar, ids);
        replanned += ids.length;
        after = ids[ids.length - 1];
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
