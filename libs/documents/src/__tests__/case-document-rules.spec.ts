import { Role, type Actor } from '@fuyi/kernel';
import { CaseState } from '@fuyi/cases';
import { CASE_DOCUMENT_RULES, DOCUMENT_TYPES, caseDocumentRule, caseDocumentStateRefusal } from '@fuyi/documents';

const actor = (role: Role): Actor => ({ userId: 'u', username: 'u', role, townshipId: null });

/** Issue #12 item 5: which case documents, in which states, by which roles. */
describe('case document rules', () => {
  it('every type is either issued through the case or refused there as another workflow\'s (letters, risk notices, mediation)', () => {
    const elsewhere = DOCUMENT_TYPES.filter((t) => !CASE_DOCUMENT_RULES[t]);
    expect(elsewhere).toEqual(['mediation-referral', 'mediation-record', 'mediation-agreement', 'mediation-termination-notice', 'risk-notice', 'opinion-letter', 'suggestion-letter', 'copy-report']);
    for (const type of elsewhere) {
      for (const role of [Role.ReconsiderationClerk, Role.OfficeHead]) {
        expect(() => caseDocumentRule(type, 'T', actor(role))).toThrow(expect.objectContaining({ code: 'DOCUMENT_ISSUED_ELSEWHERE', kind: 'forbidden' }));
      }
    }
  });

  it('the termination decision is the office head\'s; the decision document only once approved', () => {
    expect(() => caseDocumentRule('termination-decision', '终止行政复议决定书', actor(Role.ReconsiderationClerk)))
      .toThrow(expect.objectContaining({ code: 'DOCUMENT_ROLE_FORBIDDEN', message: '终止行政复议决定书由机构负责人出具' }));
    expect(caseDocumentRule('termination-decision', 'T', actor(Role.OfficeHead)).states).toEqual([CaseState.Terminated, CaseState.Archived]);
    const decision = caseDocumentRule('decision', '行政复议决定书', actor(Role.ReconsiderationClerk));
    expect(caseDocumentStateRefusal(decision, '行政复议决定书', CaseState.DecisionPending)).toMatchObject({
      code: 'DOCUMENT_NOT_IN_STATE', kind: 'conflict', message: '案件当前状态为"决定待审批"，不能出具行政复议决定书',
    });
    expect(caseDocumentStateRefusal(decision, '行政复议决定书', CaseState.Decided)).toBeNull();
  });

  it('a 调解书 is drafted only while the case is open (never after it was sealed)', () => {
    const rule = caseDocumentRule('mediation-document', '行政复议调解书', actor(Role.SectionChief));
    expect(caseDocumentStateRefusal(rule, '行政复议调解书', CaseState.Mediated)?.code).toBe('DOCUMENT_NOT_IN_STATE');
  });
});
