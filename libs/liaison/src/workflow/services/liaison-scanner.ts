import { Injectable } from '@nestjs/common';
import { addDays, Role, shanghaiDate } from '@fuyi/kernel';
import { AuditService, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService, workingDaysBefore } from '@fuyi/clocks';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { LiaisonNotifier, type LiaisonMessage } from './liaison-notifier';
import * as Letters from '../stores/letters.store';
import * as Reminders from '../stores/liaison-reminders.store';

type Milestone = 'before-3' | 'due' | 'overdue';
type Open = Reminders.OpenItem;

/** Reminders go out this many working days before a due date, on the due day, and once when overdue. */
const REMIND_BEFORE_WORKING_DAYS = 3;
/** Look this far ahead for due dates whose "3 working days before" may be today (long holidays included). */
const HORIZON_DAYS = 21;

/** The latest milestone reached today, or null: after an outage only the current one fires, not every missed one. */
export function milestoneOn(calendar: WorkingCalendar, due: string, today: string): Milestone | null {
  if (today > due) return 'overdue';
  if (today === due) return 'due';
  return today >= workingDaysBefore(calendar, due, REMIND_BEFORE_WORKING_DAYS) ? 'before-3' : null;
}

/**
 * Periodic scan of the liaison clocks (job liaison.scan): risk-notice responses, opinion-letter feedback (ARL 76) and
 * lawsuit defences (ALL 67).
 * Claims rows with FOR UPDATE SKIP LOCKED (two workers never take the same one), records each (subject, milestone)
 * once under a unique key, writes inbox notifications and their deliveries, and escalates overdue opinion-letter
 * feedback to the office head once (escalated_at) — all in one transaction.
 */
@Injectable()
export class LiaisonScanner {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarService,
    private readonly time: TimeSource,
    private readonly audit: AuditService,
    private readonly notifier: LiaisonNotifier,
  ) {}

  /** Returns how many reminders fired. */
  async scan(batch = 500): Promise<number> {
    const now = this.time.now();
    const today = shanghaiDate(now);
    return this.uow.run(async (m) => {
      const calendar = await this.calendars.current(m);
      const horizon = addDays(today, HORIZON_DAYS);
      const recipients = await Reminders.claimDueNoticeRecipients(m, horizon, batch);
      const letters = await Reminders.claimDueLetters(m, horizon, batch);
      const defences = await Reminders.claimDueDefences(m, horizon, batch);
      const due = [...recipients, ...letters, ...defences].map((o) => ({ o, ms: milestoneOn(calendar, o.due, today) })).filter((x) => x.ms !== null);
      if (!due.length) return 0;
      const fresh = await Reminders.recordReminders(m, due.map((x) => ({ kind: x.o.kind, id: x.o.id, milestone: x.ms! })), now);
      const fired = due.filter((x) => fresh.some((f) => f.subject_id === x.o.id && f.milestone === x.ms));
      const escalated = fired.filter((x) => x.o.kind === 'letter' && x.ms === 'overdue').map((x) => x.o.id);
      if (escalated.length) await Letters.markEscalated(m, escalated, now);
      for (const id of escalated) {
        await this.audit.record(m, { action: 'liaison.letter.escalate', subjectType: 'letter', subjectId: id, actor: null, summary: { milestone: 'overdue' } });
      }
      await this.notifier.notify(m, fired.map((x) => message({ ...x.o, milestone: x.ms! })));
      return fired.length;
    });
  }

}

/** Liaison officers are reminded; overdue items also go to the office head (the escalation). */
function message(i: Open & { milestone: Milestone }): LiaisonMessage {
  const roles = i.milestone === 'overdue' ? [Role.LiaisonOfficer, Role.OfficeHead] : [Role.LiaisonOfficer];
  return { ...text(i), caseId: i.case_id, roles };
}

const WHAT: Record<Open['kind'], [string, string]> = {
  'notice-recipient': ['书面回复', '回复'],
  letter: ['反馈（《行政复议法》第七十六条）', '反馈'],
  'lawsuit-defence': ['提交答辩状和证据（《行政诉讼法》第六十七条，逾期提供证据视为没有相应证据）', '答辩'],
};

function text(i: Open & { milestone: Milestone }): { kind: string; title: string; body: string } {
  const [what, short] = WHAT[i.kind];
  const subject = i.kind === 'lawsuit-defence' ? `行政诉讼${i.label}` : i.label;
  if (i.milestone === 'overdue') {
    return { kind: 'liaison_escalation', title: `逾期未${short}：${subject}`, body: `${subject}应于${i.due}前${what}，现已逾期，请督促并报机构负责人。` };
  }
  if (i.milestone === 'due') return { kind: 'liaison_reminder', title: `今日届满：${subject}`, body: `${subject}的${what}期限今日（${i.due}）届满。` };
  return { kind: 'liaison_reminder', title: `期限提醒：${subject}`, body: `${subject}的${what}期限将于${i.due}届满，还有${REMIND_BEFORE_WORKING_DAYS}个工作日。` };
}
