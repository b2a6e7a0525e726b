import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeDeadline, computeWithRule, RULES, type DeadlineResult, type WorkingCalendar } from '@fuyi/deadlines';
import { CalendarChangeHooks, CalendarService, lockCalendarShared, type CalendarChangeHook } from '@fuyi/clocks';
import { APP_CONFIG, AuditService, type AppConfig } from '@fuyi/platform';
import * as DueDates from '../stores/due-dates.store';

type Range = { from: string; to: string };
interface Moved { id: string; r: DeadlineResult }

/** Policy: a department answers a risk notice within N working days of receiving it (default 15). */
export const noticeResponseDue = (calendar: WorkingCalendar, receivedOn: string, workingDays: number): DeadlineResult =>
  computeWithRule({ ...RULES['risk-notice-response'], period: workingDays }, { start: receivedOn }, calendar);

/** ARL 76: the recipient of an opinion letter reports its corrections within 60 days of receiving it. */
export const opinionFeedbackDue = (calendar: WorkingCalendar, receivedOn: string): DeadlineResult =>
  computeDeadline({ rule: 'opinion-feedback', start: receivedOn }, calendar);

/** ALL 67: the defendant submits its defence and evidence within 15 days of receiving the complaint copy (CPL 85 counting). */
export const lawsuitDefenceDue = (calendar: WorkingCalendar, complaintReceivedOn: string): DeadlineResult =>
  computeDeadline({ rule: 'lawsuit-defence', start: complaintReceivedOn }, calendar);

/**
 * Due dates of the liaison workflow, through the deadline engine and the current working-day calendar. They are
 * stored on the liaison rows themselves (case_clocks belong to reconsideration cases; a notice or letter may have
 * none) with their provisional flag and explanation (domain.md §4). A calendar change recomputes the open ones in
 * its own transaction: this service registers as a CalendarChangeHook (libs/clocks does not import libs/liaison).
 * Writes take the calendar lock shared, so a due date is never computed on a calendar being replaced.
 */
@Injectable()
export class LiaisonDueDates implements OnModuleInit, CalendarChangeHook {
  constructor(
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    @Optional() private readonly hooks?: CalendarChangeHooks,
  ) {}

  onModuleInit(): void {
    this.hooks?.register(this);
  }

  /** The office's default response period for risk notices, in working days (policy setting). */
  get defaultResponseDays(): number {
    return this.config.riskNoticeResponseDays;
  }

  async calendar(m: EntityManager): Promise<WorkingCalendar> {
    await lockCalendarShared(m);
    return this.calendars.current(m);
  }

  /** Recomputes the open notice-response, opinion-feedback and lawsuit-defence due dates whose span touches the changed days. */
  async recompute(m: EntityManager, calendar: WorkingCalendar, range: Range): Promise<number> {
    // The SELECTs below keep due dates IS NOT NULL (and the dates they start from are set with them): hence the `!`s.
    const recipients = await DueDates.lockOpenNoticeDues(m, range.from, range.to);
    const notices = changed(recipients.map((x) => ({ id: x.id, old: x.due_on!, prov: x.due_provisional, r: noticeResponseDue(calendar, x.due_from!, x.response_days) })));
    await DueDates.moveNoticeDues(m, toStore(notices));
    const open = await DueDates.lockOpenFeedbackDues(m, range.from, range.to);
    const letters = changed(open.map((x) => ({ id: x.id, old: x.feedback_due!, prov: x.feedback_due_provisional, r: opinionFeedbackDue(calendar, x.received_on!) })));
    await DueDates.moveFeedbackDues(m, toStore(letters));
    const suits = await DueDates.lockOpenDefenceDues(m, range.from, range.to);
    const lawsuits = changed(suits.map((x) => ({ id: x.id, old: x.defence_due!, prov: x.defence_due_provisional, r: lawsuitDefenceDue(calendar, x.complaint_received_on!) })));
    await DueDates.moveDefenceDues(m, toStore(lawsuits));
    if (notices.length + letters.length + lawsuits.length) {
      await this.audit.record(m, {
        action: 'liaison.due.recompute', subjectType: 'calendar', subjectId: 'calendar', actor: null,
        summary: { calendarVersion: calendar.version, noticeRecipients: notices.map((x) => x.id), letters: letters.map((x) => x.id), lawsuits: lawsuits.map((x) => x.id) },
      });
    }
    return notices.length + letters.length + lawsuits.length;
  }

}

const toStore = (moved: Moved[]): DueDates.MovedDue[] => moved.map((x) => ({ id: x.id, due: x.r.due, provisional: x.r.provisional, explanation: x.r.explanation }));

const changed = (rows: Array<Moved & { old: string; prov: boolean }>): Moved[] => rows.filter((x) => x.r.due !== x.old || x.r.provisional !== x.prov);
