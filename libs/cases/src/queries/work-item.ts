import type { Actor, IsoDate } from '@fuyi/kernel';
import type { SqlRunner } from '@fuyi/platform';
import { openClocksOf, workItemRows } from '../stores/work-lists.store';
import { remainingWorkingDays, type WorkingCalendar } from '@fuyi/deadlines';
import { CASE_STATE_LABELS, CaseState } from '../domain/case-state';
import type { AllowedAction } from '../domain/case-actions';
import { loadAllowedActions } from './case-facts';

type Db = SqlRunner;

export interface WorkClock {
  rule: string;
  due: IsoDate;
  status: 'running' | 'paused';
  /** Working days left until the due date: 0 on the due day, negative once past. */
  remainingWorkingDays: number;
  overdue: boolean;
  extensionDays: number;
}

export interface WorkItem {
  caseId: string;
  caseNumber: string;
  state: CaseState;
  stateLabel: string;
  version: number;
  procedure: string | null;
  category: string;
  townshipId: number | null;
  township: string | null;
  respondentDepartmentId: number;
  respondent: string | null;
  handlerId: string | null;
  handler: string | null;
  applicants: string;
  receiptAt: string;
  acceptedOn: IsoDate | null;
  /** The nearest due date of a running or paused clock (what the views sort by); null without one. */
  nextDue: IsoDate | null;
  flags: { overdue: boolean; paused: boolean; extended: boolean };
  clocks: WorkClock[];
  /** What this user may do to the case now (the case resource's `allowedActions`, from the same table). */
  allowedActions: AllowedAction[];
}

/** What a list shows for each case, in the order given, with its open clocks and their remaining working days. */
export async function loadWorkItems(db: Db, actor: Actor, ids: string[], today: IsoDate, calendar: WorkingCalendar): Promise<WorkItem[]> {
  if (!ids.length) return [];
  const cases = await workItemRows(db, ids);
  const clocks = await openClocksOf(db, ids);
  const allowed = await loadAllowedActions(db, actor, ids, today);
  const memo = new Map<string, number>();
  const clocksOf = new Map<string, WorkClock[]>();
  for (const k of clocks) {
    const list = clocksOf.get(k.case_id) ?? [];
    list.push({
      rule: k.rule, due: k.due_date, status: k.status as WorkClock['status'], extensionDays: k.extension_days,
      remainingWorkingDays: remainingWorkingDays(calendar, today, k.due_date, memo), overdue: k.status === 'running' && k.due_date < today,
    });
    clocksOf.set(k.case_id, list);
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    const own = clocksOf.get(id) ?? [];
    return [{
      caseId: c.id, caseNumber: c.case_number, state: c.state as CaseState, stateLabel: CASE_STATE_LABELS[c.state as CaseState] ?? c.state, version: c.version,
      procedure: c.procedure, category: c.category, townshipId: c.township_id, township: c.township,
      respondentDepartmentId: c.respondent_department_id, respondent: c.respondent, handlerId: c.handler_id, handler: c.handler,
      applicants: c.applicants ?? '', receiptAt: new Date(c.receipt_at).toISOString(), acceptedOn: c.accepted_on,
      nextDue: own[0]?.due ?? null,
      flags: { overdue: own.some((k) => k.overdue), paused: own.some((k) => k.status === 'paused'), extended: own.some((k) => k.extensionDays > 0) },
      clocks: own, allowedActions: allowed.get(id) ?? [],
    }];
  });
}
