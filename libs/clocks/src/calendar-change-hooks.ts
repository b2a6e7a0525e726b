import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@fuyi/deadlines';

/** Due dates kept outside case_clocks (e.g. liaison letters) that must follow a calendar change. */
export interface CalendarChangeHook {
  /** Recomputes the open due dates touching `range` on `calendar`, inside the change's transaction; returns how many moved. */
  recompute(m: EntityManager, calendar: WorkingCalendar, range: { from: string; to: string }): Promise<number>;
}

/**
 * Other libraries register here (in onModuleInit) instead of libs/clocks importing them. CalendarService runs every
 * hook in the calendar change's transaction, under the exclusive calendar lock, after the case clocks.
 */
@Injectable()
export class CalendarChangeHooks {
  private readonly hooks: CalendarChangeHook[] = [];

  register(hook: CalendarChangeHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  async run(m: EntityManager, calendar: WorkingCalendar, range: { from: string; to: string }): Promise<number> {
    let moved = 0;
    for (const hook of this.hooks) moved += await hook.recompute(m, calendar, range);
    return moved;
  }
}
