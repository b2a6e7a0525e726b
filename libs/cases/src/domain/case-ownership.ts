import { DomainError, Role, type Actor } from '@fuyi/kernel';
import { CaseState } from './case-state';

/**
 * Acceptance review is the district intake queue: any reviewer takes the next application, and an application refused
 * or abandoned there never gets a handler. From acceptance on, the case has a handler (承办人: the accepting clerk, or
 * whoever the office assigns).
 */
export const INTAKE_STATES: readonly CaseState[] = [CaseState.Registered, CaseState.CorrectionRequested, CaseState.Refused, CaseState.Abandoned];

/**
 * Who may act on a case (issue #12 item 6): past intake, a reconsideration clerk only on the cases assigned to them; a
 * section chief or the office head on any case. Other roles are bound by their own transitions and scope (a township
 * clerk at the counter, a mediator on the linked file), and the system (the worker's legal effects) always may.
 * Null: allowed; otherwise the refusal (403), for the clerk.
 */
export function ownershipRefusal(actor: Pick<Actor, 'userId' | 'role'> | null, c: { state: string; handlerId: string | null }): DomainError | null {
  if (!actor || actor.role !== Role.ReconsiderationClerk) return null;
  if (INTAKE_STATES.includes(c.state as CaseState) || c.handlerId === actor.userId) return null;
  return c.handlerId
    ? new DomainError('CASE_NOT_HANDLER', '您不是本案承办人；只有本案承办人、科长或机构负责人可以办理本案', 'forbidden', { handlerAssigned: true })
    : new DomainError('CASE_NOT_HANDLER', '本案尚未分配承办人；请科长或机构负责人先分配承办人后再办理', 'forbidden', { handlerAssigned: false });
}

/**
 * Four eyes (issue #12 item 6; ARL 61/62/41: the office proposes, its head approves): whoever approves a decision, an
 * extension or a termination did not submit it. An approval must show that: when the record names no submitter (data
 * from before submitters were kept), it is refused too; the decision can be returned and submitted again.
 */
export function sameApproverRefusal(actor: Pick<Actor, 'userId'> | null, submittedBy: string | null | undefined, what: string): DomainError | null {
  if (!actor || (submittedBy && submittedBy !== actor.userId)) return null;
  return submittedBy
    ? new DomainError('CASE_SAME_APPROVER', `不能审批本人提交的${what}；须由提交人以外的机构负责人审批`, 'forbidden')
    : new DomainError('CASE_SAME_APPROVER', `记录中没有${what}的提交人，无法确认审批人不是提交人；请退回后由承办人重新提交`, 'forbidden', { submitterUnknown: true });
}
