import type { SqlRunner } from '@fuyi/platform';
import * as CaseEvents from '../stores/case-events.store';

type Db = SqlRunner;

/** One entry of a case's timeline (case_events): what happened, who did it (null: the system), and its facts. */
export interface CaseEventInput {
  caseId: string;
  type: string;
  actorId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * The only writer of a case's timeline (issue 19 item 1: case_events belongs to the cases library). Other libraries
 * (documents, mediation, liaison, the clocks through the cases library's listener) append through it, in their own
 * transaction. The table is append-only: the application role may not UPDATE or DELETE it (issue 14).
 */
export const CaseTimeline = {
  async append(m: Db, e: CaseEventInput): Promise<void> {
    await CaseEvents.appendEvent(m, { caseId: e.caseId, type: e.type, actorId: e.actorId ?? null, data: e.data ?? {} });
  },

  /** Many entries in one statement (e.g. every clock a calendar change moved). */
  async appendMany(m: Db, events: readonly CaseEventInput[]): Promise<void> {
    if (!events.length) return;
    await CaseEvents.appendEvents(m, events.map((e) => ({ caseId: e.caseId, type: e.type, actorId: e.actorId ?? null, data: e.data ?? {} })));
  },
};
