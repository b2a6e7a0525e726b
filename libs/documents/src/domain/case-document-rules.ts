import { DomainError, Role, ROLE_LABELS, type Actor } from '@fuyi/kernel';
import { CASE_STATE_LABELS, CaseState } from '@fuyi/cases';
import type { DocumentType } from './document-types';

/** Who issues a case document through the case (POST /cases/:id/documents), and in which states of the case. */
export interface CaseDocumentRule {
  /** The states in which the document belongs (the step it records has happened and still stands). */
  states: readonly CaseState[];
  /** The roles that own the step. */
  roles: readonly Role[];
}

const S = CaseState;
const REVIEWERS: readonly Role[] = [Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead];
const AFTER_ACCEPTANCE: readonly CaseState[] = [S.Accepted, S.Suspended, S.DecisionPending, S.Decided, S.Served, S.Terminated, S.Mediated, S.Archived];

/**
 * Issue #12 item 5: documents only where they belong, by the roles that own the step; every fact they print comes from
 * the record (case-document-facts.ts), the request supplies only what a template declares under "request".
 * - the notices of a recorded step (suspension, resumption) print that recorded step, also later on (a reprint for the
 *   file); without one they are refused;
 * - the decision document exists once the office head approved the decision, and is that decision word for word;
 * - the termination decision is the office head's, once a termination was approved (ARL 41);
 * - the 调解书 is drafted for signature while the case is open (once sealed it is never issued again, ARL 73).
 */
export const CASE_DOCUMENT_RULES: Partial<Record<DocumentType, CaseDocumentRule>> = {
  receipt: { states: Object.values(CaseState), roles: REVIEWERS },
  'correction-notice': { states: [S.CorrectionRequested], roles: REVIEWERS },
  'refusal-decision': { states: [S.Refused], roles: REVIEWERS },
  'acceptance-notice': { states: [S.Accepted, S.Suspended, S.DecisionPending], roles: REVIEWERS },
  'reply-notice': { states: [S.Accepted, S.Suspended], roles: REVIEWERS },
  'third-party-notice': { states: [S.Accepted, S.Suspended], roles: REVIEWERS },
  'hearing-notice': { states: [S.Accepted, S.Suspended], roles: REVIEWERS },
  'suspension-notice': { states: AFTER_ACCEPTANCE, roles: REVIEWERS },
  'resumption-notice': { states: AFTER_ACCEPTANCE, roles: REVIEWERS },
  'extension-notice': { states: [S.Accepted, S.Suspended, S.DecisionPending], roles: REVIEWERS },
  'termination-decision': { states: [S.Terminated, S.Archived], roles: [Role.OfficeHead] },
  'mediation-document': { states: [S.Accepted, S.Suspended], roles: REVIEWERS },
  decision: { states: [S.Decided, S.Served, S.Archived], roles: REVIEWERS },
};

/** Documents of other workflows: issued there, by the roles that own them, never through the case. */
const ISSUED_ELSEWHERE: Partial<Record<DocumentType, string>> = {
  'opinion-letter': '行政复议意见书由府院联络员起草、机构负责人审批制发，请在府院联动的意见书中办理',
  'suggestion-letter': '行政复议建议书由府院联络员起草、机构负责人审批制发，请在府院联动的建议书中办理',
  'risk-notice': '风险提示函由府院联络员起草、机构负责人审批发送，请在府院联动的风险提示中办理',
  'mediation-referral': '调解文书由调解中心在调解案件中出具',
  'mediation-record': '调解文书由调解中心在调解案件中出具',
  'mediation-agreement': '调解文书由调解中心在调解案件中出具',
  'mediation-termination-notice': '调解文书由调解中心在调解案件中出具',
};

/** The rule for a type issued through the case, or the refusal (403) for one owned by another workflow or role. */
export function caseDocumentRule(type: DocumentType, title: string, actor: Actor): CaseDocumentRule {
  const rule = CASE_DOCUMENT_RULES[type];
  if (!rule) {
    throw new DomainError('DOCUMENT_ISSUED_ELSEWHERE', ISSUED_ELSEWHERE[type] ?? `${title}不在案件中出具`, 'forbidden', { type });
  }
  if (!rule.roles.includes(actor.role)) {
    throw new DomainError('DOCUMENT_ROLE_FORBIDDEN', `${title}由${rule.roles.map((r) => ROLE_LABELS[r]).join('、')}出具`, 'forbidden', { type });
  }
  return rule;
}

/** 409 when the case is not in a state where the document belongs. */
export function caseDocumentStateRefusal(rule: CaseDocumentRule, title: string, state: string): DomainError | null {
  if (rule.states.includes(state as CaseState)) return null;
  return new DomainError('DOCUMENT_NOT_IN_STATE', `案件当前状态为"${CASE_STATE_LABELS[state as CaseState] ?? state}"，不能出具${title}`, 'conflict', { state });
}
