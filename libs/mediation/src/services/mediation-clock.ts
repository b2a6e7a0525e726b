import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import { computeDeadline, computeWithRule, RULES } from '@fuyi/deadlines';
import { MediationErrors } from '../domain/mediation-errors';

/**
 * Mediation time limits (policy, issue #5): calendar days from when the mediator takes the file, 30 before filing and
 * 15 once a case exists, both settings (AppConfig) over the `mediation` / `mediation-in-case` rules of the deadlines
 * engine. The due date is stored on the mediation file, not in case_clocks (those belong to reconsideration cases).
 */
@Injectable()
export class MediationClock {
  constructor(private readonly calendar: CalendarService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async mediationDue(m: EntityManager, inCase: boolean, takenOn: string, extensionDays = 0): Promise<string> {
    const rule = RULES[inCase ? 'mediation-in-case' : 'mediation'];
    const period = inCase ? this.config.mediationDaysInCase : this.config.mediationDaysBeforeFiling;
    return computeWithRule({ ...rule, period }, { start: takenOn, extensionDays }, await this.calendar.current(m), { explain: false }).due;
  }

  /** The extension by consent must stay within the rule's cap (30 days before filing, 15 after). */
  extensionCap(inCase: boolean): number {
    return RULES[inCase ? 'mediation-in-case' : 'mediation'].extensionCapDays ?? 0;
  }

  /** ARL 20(1): 60 days from knowing of the act; mediation before filing does not stop it. */
  async applicationDue(m: EntityManager, actKnownDate: string): Promise<string> {
    try {
      return computeDeadline({ rule: 'application', start: actKnownDate }, await this.calendar.current(m), { explain: false }).due;
    } catch {
      throw MediationErrors.invalid('actKnownDate', '知道行政行为的日期不正确');
    }
  }
}
