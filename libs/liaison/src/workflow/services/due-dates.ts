import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeDeadline, computeWithRule, RULES, type DeadlineResult } from '@fuyi/deadlines';
import { CalendarService } from '@fuyi/clocks';
import { APP_CONFIG, type AppConfig } from '@fuyi/platform';

/**
 * Due dates of the liaison workflow, through the deadline engine and the current working-day calendar. They are
 * stored on the liaison rows themselves (case_clocks belong to reconsideration cases; a notice or letter may
 * have none), so a later calendar change does not move them.
 */
@Injectable()
export class LiaisonDueDates {
  constructor(private readonly calendars: CalendarService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The office's default response period for risk notices, in working days (policy setting). */
  get defaultResponseDays(): number {
    return this.config.riskNoticeResponseDays;
  }

  /** Policy: a department answers a risk notice within N working days of receiving it (default 15). */
  async noticeResponseDue(m: EntityManager, sentOn: string, workingDays: number): Promise<DeadlineResult> {
    const def = { ...RULES['risk-notice-response'], period: workingDays };
    return computeWithRule(def, { start: sentOn }, await this.calendars.current(m));
  }

  /** ARL 76: the recipient of an opinion letter reports its corrections within 60 days of receiving it. */
  async opinionFeedbackDue(m: EntityManager, receivedOn: string): Promise<DeadlineResult> {
    return computeDeadline({ rule: 'opinion-feedback', start: receivedOn }, await this.calendars.current(m));
  }
}
