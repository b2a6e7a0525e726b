import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AuditService, type AppConfig } from '@fuyi/platform';
import { CalendarChangeHooks, CalendarService, type CalendarChangeHook } from '@fuyi/clocks';
import { computeDeadline, computeWithRule, RULES, type WorkingCalendar } from '@fuyi/deadlines';
import { MediationErrors } from '../domain/mediation-errors';
import { lockOpenFilesDueWithin, writeRecomputedDues } from '../stores/files.store';

type MediationClockFacts = { case_id: string | null; taken_on: string | null; extension_days: number };

export interface MediationDeadline {
  due: string;
  provisional: boolean;
  explanation: string[];
}

/**
 * Mediation time limits (policy, issue #5): calendar days from when the mediator takes the file, 30 before filing and
 * 15 once a case exists, both settings (AppConfig) over the `mediation` / `mediation-in-case` rules of the deadlines
 * engine. The due date is stored on the mediation file, not in case_clocks (those belong to reconsideration cases), so
 * a calendar change reaches it through the clocks library's change hooks, in the change's own transaction.
 */
@Injectable()
export class MediationClock implements OnModuleInit, CalendarChangeHook {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly audit?: AuditService,
    @Optional() private readonly hooks?: CalendarChangeHooks,
  ) {}

  onModuleInit(): void {
    this.hooks?.register(this);
  }

  async mediationDue(m: EntityManager, inCase: boolean, takenOn: string, extensionDays = 0): Promise<string> {
    return this.mediationDueOn(await this.calendar.current(m), inCase, takenOn, extensionDays);
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

  /** Open files whose time limit or ARL 20 period spans the changed days get their due dates again. */
  async recompute(m: EntityManager, calendar: WorkingCalendar, range: { from: string; to: string }): Promise<number> {
    const files = await lockOpenFilesDueWithin(m, range);
    const moved = files
      .map((f) => ({
        id: f.id,
        mediationDue: f.taken_on && f.mediation_due ? this.mediationDueOn(calendar, !!f.case_id, f.taken_on, f.extension_days) : f.mediation_due,
        applicationDue: f.act_known_date && f.application_due ? computeDeadline({ rule: 'application', start: f.act_known_date }, calendar, { explain: false }).due : f.application_due,
        before: f,
      }))
      .filter((x) => x.mediationDue !== x.before.mediation_due || x.applicationDue !== x.before.application_due);
    if (!moved.length) return 0;
    await writeRecomputedDues(m, moved);
    await this.audit?.record(m, {
      action: 'mediation.due.recompute', subjectType: 'calendar', subjectId: 'calendar', actor: null,
      summary: { calendarVersion: calendar.version, files: moved.map((x) => ({ id: x.id, mediationDue: x.mediationDue, applicationDue: x.applicationDue })) },
    });
    return moved.length;
  }

  /**
   * Issue 12 item 8: a mediation time limit carries its provisional flag and explanation like every other due date
   * (a 2027 date depends on a holiday arrangement not yet published). Null before the file is taken.
   */
  async deadlineOf(m: Pick<EntityManager, 'query'>, f: MediationClockFacts): Promise<MediationDeadline | null> {
    return this.deadlineWith(await this.calendar.current(m as EntityManager), f);
  }

  deadlineWith(calendar: WorkingCalendar, f: MediationClockFacts): MediationDeadline | null {
    if (!f.taken_on) return null;
    const r = this.mediationResult(calendar, !!f.case_id, f.taken_on, f.extension_days ?? 0, true);
    return { due: r.due, provisional: r.provisional, explanation: r.explanation };
  }

  /** The current calendar, for reading many files at once. */
  currentCalendar(m?: Pick<EntityManager, 'query'>): Promise<WorkingCalendar> {
    return this.calendar.current(m as EntityManager);
  }

  private mediationDueOn(calendar: WorkingCalendar, inCase: boolean, takenOn: string, extensionDays: number): string {
    return this.mediationResult(calendar, inCase, takenOn, extensionDays, false).due;
  }

  private mediationResult(calendar: WorkingCalendar, inCase: boolean, takenOn: string, extensionDays: number, explain: boolean) {
    const rule = RULES[inCase ? 'mediation-in-case' : 'mediation'];
    const period = inCase ? this.config.mediationDaysInCase : this.config.mediationDaysBeforeFiling;
    return computeWithRule({ ...rule, period }, { start: takenOn, extensionDays }, calendar, { explain });
  }
}
