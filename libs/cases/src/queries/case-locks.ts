import type { EntityManager } from 'typeorm';
import type { CaseState } from '../domain/case-state';

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

interface Row {
  id: string;
  case_number: string;
  state: CaseState;
  version: number;
  handler_id: string | null;
  township_id: number | null;
  respondent_department_id: number;
  decision: LockedCase['decision'];
  closed_on: string | null;
}

/**
 * The cases library owns the cases rows and their locking (issue 19 item 1): documents, mediation and liaison lock a
 * case through here, so its state, handler and version cannot change under them until their transaction ends.
 */
export const CaseLocks = {
  /** SELECT … FOR UPDATE of one case; null when there is no such case. */
  async forUpdate(m: Db, caseId: string): Promise<LockedCase | null> {
    const [r]: Row[] = await m.query(
      `SELECT id, case_number, state, version, handler_id, township_id, respondent_department_id, decision, closure->>'on' AS closed_on
         FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    if (!r) return null;
    return {
      id: r.id, caseNumber: r.case_number, state: r.state, version: r.version, handlerId: r.handler_id, townshipId: r.township_id,
      respondentDepartmentId: r.respondent_department_id, decision: r.decision, closedOn: r.closed_on,
    };
  },

  /** The last day the case's decision (or closing document) was served on anyone (ALL 45: the lawsuit period starts). */
  async lastServedOn(m: Db, caseId: string): Promise<string | null> {
    const [r]: Array<{ served_on: string | null }> = await m.query('SELECT max(served_on)::text AS served_on FROM case_services WHERE case_id = $1', [caseId]);
    return r?.served_on ?? null;
  },
};
