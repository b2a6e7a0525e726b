import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One open clock a calendar change (or a counting-rule correction) moved. */
export interface MovedClock {
  clockId: string;
  caseId: string;
  rule: string;
  oldDue: string;
  newDue: string;
}

/** What moved the clocks: a calendar change (version), or a correction of the counting rule itself. */
export interface RecomputeCause {
  calendarVersion: number;
  ruleChange?: string;
  /** Notification title for the handler. */
  title: string;
}

/** Told, in the recompute's transaction, which clocks moved (e.g. the cases library writes them on each case's timeline). */
export interface ClockMoveListener {
  clocksMoved(m: EntityManager, moved: readonly MovedClock[], cause: RecomputeCause): Promise<void>;
}

/**
 * Libraries above libs/clocks register here (in onModuleInit) instead of the clocks writing their tables: the cases
 * library owns a case's timeline and tells its handler (issue 19 item 1).
 */
@Injectable()
export class ClockMoveListeners {
  private readonly listeners: ClockMoveListener[] = [];

  register(listener: ClockMoveListener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  async run(m: EntityManager, moved: readonly MovedClock[], cause: RecomputeCause): Promise<void> {
    if (!moved.length) return;
    for (const l of this.listeners) await l.clocksMoved(m, moved, cause);
  }
}
