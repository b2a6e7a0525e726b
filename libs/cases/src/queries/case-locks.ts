import type { EntityManager } from 'typeorm';
import type { CaseState } from '../domain/case-state';
import * as Cases from '../stores/cases.store';
import { latestServedOn } from '../stores/parties.store';

type Db = Pick<EntityManager, 'query'>;

/** A case's row as other libraries may see it while they hold its lock. */
export interface LockedCase {
  id: string;
  caseNumber: string;
  state: CaseState;
  version: number;
  handlerId: string | null;
  townshipId: number | null;
  respondentDepartmentId: number;
  /** The decision (ARL 63-72) as recorded: type, decidedOn, … */
  decision: { type?: string; decidedOn?: string } | null;
  /** The day a termination or settlement closed the case. */
  closedOn: string | null;
}

/**
 * The cases library owns the cases rows and their locking (issue 19 item 1): documents, mediation and liaison lock a
 * case through here, so its state, handler and version cannot change under them until their transaction ends.
 */
export const CaseLocks = {
  /** SELECT … FOR UPDATE of one case; null when there is no such case. */
  async forUpdate(m: Db, caseId: string): Promise<LockedCase | null> {
    const r = await Cases.lockCase(m, caseId);
    if (!r) return null;
    return {
      id: r.id, caseNumber: r.case_number, state: r.state as CaseState, version: r.version, handlerId: r.handler_id, townshipId: r.township_id,
      respondentDepartmentId: r.respondent_department_id, decision: r.decision, closedOn: r.closed_on,
    };
  },

  /** The last day the case's decision (or closing document) was served on anyone (ALL 45: the lawsuit period starts). */
  async lastServedOn(m: Db, caseId: string): Promise<string | null> {
    return latestServedOn(m, caseId);
  },
};
