import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, Role, shanghaiDate } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { CalendarService, workingDaysBefore } from '@fuyi/clocks';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { LiaisonNotifier, type LiaisonMessage } from './liaison-notifier';

type Milestone = 'before-3' | 'due' | 'overdue';
interface Open {
  kind: 'notice-recipient' | 'letter' | 'lawsuit-defence';
  id: string;
  due: string;
  label: string;
  case_id: string | null;
}

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
    private readonly ds: DataSource,
    private readonly calendars: CalendarService,
    private readonly time: TimeSource,
    private readonly audit: AuditService,
    private readonly notifier: LiaisonNotifier,
  ) {}

  /** Returns how many reminders fired. */
  async scan(batch = 500): Promise<number> {
    const now = this.time.now();
    const today = shanghaiDate(now);
    return this.ds.transaction(async (m) => {
      const calendar = await this.calendars.current(m);
      const horizon = addDays(today, HORIZON_DAYS);
      const recipients: Open[] = await m.query(
        `SELECT 'notice-recipient' AS kind, r.id, r.due_on AS due, n.title || '（' || d.name || '）' AS label, NULL AS case_id
           FROM liaison_notice_recipients r JOIN liaison_risk_notices n ON n.id = r.notice_id JOIN departments d ON d.id = r.department_id
          WHERE r.response_on IS NULL AND r.due_on <= $1 AND n.state IN ('sent', 'acknowledged')
            AND NOT EXISTS (SELECT 1 FROM liaison_reminders x WHERE x.subject_kind = 'notice-recipient' AND x.subject_id = r.id AND x.milestone = 'overdue')
          ORDER BY r.due_on LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [horizon, batch],
      );
      const letters: Open[] = await m.query(
        `SELECT 'letter' AS kind, l.id, l.feedback_due AS due, '致' || d.name || '的行政复议意见书' AS label, l.case_id
           FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id
          WHERE l.state = 'received' AND l.feedback_due <= $1
            AND NOT EXISTS (SELECT 1 FROM liaison_reminders x WHERE x.subject_kind = 'letter' AND x.subject_id = l.id AND x.milestone = 'overdue')
          ORDER BY l.feedback_due LIMIT $2 FOR UPDATE OF l SKIP LOCKED`,
        [horizon, batch],
      );
      // ALL 67: the defence of a lawsuit still in first instance, not yet submitted.
      const defences: Open[] = await m.query(
        `SELECT 'lawsuit-defence' AS kind, l.id, l.defence_due AS due, l.court_case_number || '（被告：' || coalesce(d.name, rd.name, '区人民政府') || '）' AS label, l.case_id
           FROM liaison_lawsuits l LEFT JOIN departments d ON d.id = l.defendant_department_id
           LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN departments rd ON rd.id = c.respondent_department_id
          WHERE l.defence_submitted_on IS NULL AND l.defence_due <= $1 AND l.judgment_kind IS NULL
            AND NOT EXISTS (SELECT 1 FROM liaison_reminders x WHERE x.subject_kind = 'lawsuit-defence' AND x.subject_id = l.id AND x.milestone = 'overdue')
          ORDER BY l.defence_due LIMIT $2 FOR UPDATE OF l SKIP LOCKED`,
        [horizon, batch],
      );
      const due = [...recipients, ...letters, ...defences].map((o) => ({ o, ms: milestoneOn(calendar, o.due, today) })).filter((x) => x.ms !== null);
      if (!due.length) return 0;
      const fresh: Array<{ subject_kind: string; subject_id: string; milestone: Milestone }> = await m.query(
        `INSERT INTO liaison_reminders (subject_kind, subject_id, milestone, fired_at)
         SELECT k, i, ms, $4 FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t(k, i, ms)
         ON CONFLICT DO NOTHING RETURNING subject_kind, subject_id, milestone`,
        [due.map((x) => x.o.kind), due.map((x) => x.o.id), due.map((x) => x.ms), now],
      );
      const fired = due.filter((x) => fresh.some((f) => f.subject_id === x.o.id && f.milestone === x.ms));
      const escalated = fired.filter((x) => x.o.kind === 'letter' && x.ms === 'overdue').map((x) => x.o.id);
      if (escalated.length) await m.query('UPDATE liaison_letters SET escalated_at = $2 WHERE id = ANY($1::uuid[]) AND escalated_at IS NULL', [escalated, now]);
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
