import { DomainError, Role } from '@fuyi/kernel';
import { sameApproverRefusal } from '../domain/case-ownership';
import { allowedCaseActions, CASE_OPERATIONS, CaseOp, caseOperationAllowed, type CaseActor, type CaseFacts } from '../domain/case-actions';
import { CASE_TRANSITIONS, CaseAction, CaseState, nextState } from '../domain/case-state';

const HANDLER = 'u-handler';
const me = (role: Role, userId = HANDLER): CaseActor => ({ role, userId });

/** A case whose record satisfies every condition, so that only state, role and the handler rule decide. */
const facts = (state: CaseState, x: Partial<CaseFacts> = {}): CaseFacts => ({
  state, procedure: 'ordinary', handlerId: HANDLER, correctionNotified: false, correctionLapsed: true, pendingRequests: {},
  decisionExtended: false, decisionSubmittedBy: 'u-other', readyToDecide: true, published: true, lawsuitWindowOpen: false, unservedParties: 1, ...x,
});
const actions = (a: CaseActor, f: CaseFacts) => allowedCaseActions(a, f).map((x) => x.action);

/** The operations backed by the state machine, and their move. */
const BACKED: Array<[CaseOp, CaseAction]> = [
  [CaseOp.Accept, CaseAction.Accept], [CaseOp.RequestCorrection, CaseAction.RequestCorrection], [CaseOp.Refuse, CaseAction.Refuse],
  [CaseOp.ReceiveCorrection, CaseAction.ReceiveCorrection], [CaseOp.Abandon, CaseAction.Abandon], [CaseOp.Suspend, CaseAction.Suspend],
  [CaseOp.Resume, CaseAction.Resume], [CaseOp.SubmitDecision, CaseAction.SubmitDecision], [CaseOp.ApproveDecision, CaseAction.ApproveDecision],
  [CaseOp.ReturnDecision, CaseAction.ReturnDecision], [CaseOp.Terminate, CaseAction.Terminate], [CaseOp.ConcludeMediation, CaseAction.ConcludeMediation],
  [CaseOp.Archive, CaseAction.Archive],
];

describe('allowed case actions (issue 11 item 5)', () => {
  it('agree with the state machine for every state and role on the moves a route offers', () => {
    for (const [op, action] of BACKED) {
      for (const state of Object.values(CaseState)) {
        for (const role of Object.values(Role)) {
          const f = facts(state, { pendingRequests: { termination: 'u-other' } });
          let machine = true;
          try {
            nextState(state, action, role);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            machine = false;
          }
          // A route may admit fewer roles than the machine (a mediator resumes through the mediation centre, not /cases).
          if (!machine) expect([op, state, role, caseOperationAllowed(op, me(role), f)]).toEqual([op, state, role, false]);
          else if (CASE_OPERATIONS[op].roles.includes(role)) expect([op, state, role, caseOperationAllowed(op, me(role), f)]).toEqual([op, state, role, true]);
        }
      }
    }
  });

  it('offer no move the machine leaves only to the system (deemed acceptance) or makes by itself (service completed)', () => {
    const offered = BACKED.map(([, a]) => a);
    expect(Object.values(CaseAction).filter((a) => !offered.includes(a))).toEqual([CaseAction.DeemAccepted, CaseAction.CompleteService]);
    expect(CASE_TRANSITIONS[CaseAction.DeemAccepted].by).toEqual(['system']);
  });

  it('a clerk who is not the handler may do nothing past intake but counter work; the handler, a chief and the head may', () => {
    const f = facts(CaseState.Accepted, { handlerId: 'u-someone' });
    expect(actions(me(Role.ReconsiderationClerk), f)).toEqual([CaseOp.ReissueQueryCode]);
    expect(actions(me(Role.ReconsiderationClerk), facts(CaseState.Accepted, { handlerId: null }))).toEqual([CaseOp.ReissueQueryCode]);
    expect(actions(me(Role.ReconsiderationClerk), facts(CaseState.Accepted))).toContain(CaseOp.Suspend);
    expect(actions(me(Role.SectionChief), f)).toEqual(expect.arrayContaining([CaseOp.Assign, CaseOp.Suspend, CaseOp.SubmitDecision]));
    // Acceptance review is the district's queue: any reviewer, whoever accepted nothing yet.
    expect(actions(me(Role.ReconsiderationClerk), facts(CaseState.Registered, { handlerId: null }))).toEqual(
      [CaseOp.Accept, CaseOp.RequestCorrection, CaseOp.Refuse, CaseOp.ReissueQueryCode, CaseOp.UploadFile, CaseOp.UploadDocumentVersion],
    );
  });

  it('four eyes: the head approves what someone else submitted, never their own', () => {
    const head = me(Role.OfficeHead, 'u-head');
    expect(actions(head, facts(CaseState.DecisionPending, { decisionSubmittedBy: 'u-head' }))).not.toContain(CaseOp.ApproveDecision);
    expect(actions(head, facts(CaseState.DecisionPending, { decisionSubmittedBy: 'u-clerk' }))).toContain(CaseOp.ApproveDecision);
    expect(actions(head, facts(CaseState.DecisionPending, { decisionSubmittedBy: 'u-head' }))).toContain(CaseOp.ReturnDecision);
    const own = facts(CaseState.Accepted, { pendingRequests: { extension: 'u-head', termination: 'u-head' } });
    expect(actions(head, own)).toEqual(expect.arrayContaining([CaseOp.ReturnExtension, CaseOp.ReturnTermination]));
    expect(actions(head, own)).not.toEqual(expect.arrayContaining([CaseOp.Extend]));
    expect(actions(head, own)).not.toContain(CaseOp.Terminate);
    const theirs = facts(CaseState.Accepted, { pendingRequests: { extension: 'u-clerk', termination: 'u-clerk' } });
    expect(actions(head, theirs)).toEqual(expect.arrayContaining([CaseOp.Extend, CaseOp.Terminate]));
  });

  it('four eyes: the table offers an approval exactly when the service guard accepts it (an unknown submitter: neither)', () => {
    const head = me(Role.OfficeHead, 'u-head');
    for (const submitter of [null, 'u-head', 'u-clerk']) {
      const accepted = sameApproverRefusal({ userId: 'u-head' }, submitter, '行政复议决定') === null;
      expect([submitter, actions(head, facts(CaseState.DecisionPending, { decisionSubmittedBy: submitter })).includes(CaseOp.ApproveDecision)]).toEqual([submitter, accepted]);
    }
    expect(actions(head, facts(CaseState.DecisionPending, { decisionSubmittedBy: null }))).toContain(CaseOp.ReturnDecision);
  });

  it('reads the record: one correction notice, one extension of an ordinary case, no archive in the lawsuit window, ARL 49-50', () => {
    const clerk = me(Role.ReconsiderationClerk);
    expect(actions(clerk, facts(CaseState.Registered, { correctionNotified: true }))).not.toContain(CaseOp.RequestCorrection);
    expect(actions(clerk, facts(CaseState.CorrectionRequested, { correctionLapsed: false }))).not.toContain(CaseOp.Abandon);
    expect(actions(clerk, facts(CaseState.Accepted, { procedure: 'simplified' }))).not.toContain(CaseOp.RequestExtension);
    expect(actions(clerk, facts(CaseState.Accepted, { decisionExtended: true }))).not.toContain(CaseOp.RequestExtension);
    expect(actions(clerk, facts(CaseState.Accepted, { pendingRequests: { extension: HANDLER } }))).not.toContain(CaseOp.RequestExtension);
    expect(actions(clerk, facts(CaseState.Accepted, { readyToDecide: false }))).not.toContain(CaseOp.SubmitDecision);
    expect(actions(clerk, facts(CaseState.Served, { lawsuitWindowOpen: true }))).not.toContain(CaseOp.Archive);
    expect(actions(clerk, facts(CaseState.Served, { unservedParties: 0 }))).not.toContain(CaseOp.RecordService);
    expect(actions(me(Role.OfficeHead), facts(CaseState.Accepted, { procedure: 'simplified' }))).toContain(CaseOp.ConvertToOrdinary);
    expect(actions(me(Role.OfficeHead), facts(CaseState.Accepted))).not.toContain(CaseOp.ConvertToOrdinary);
    expect(actions(me(Role.OfficeHead), facts(CaseState.Served, { published: false }))).not.toContain(CaseOp.WithdrawPublication);
  });

  it('other roles: the counter receives corrections and reissues codes; liaison, mediators and administrators act on no case here', () => {
    expect(actions(me(Role.TownshipClerk, 'u-town'), facts(CaseState.CorrectionRequested))).toEqual([CaseOp.ReceiveCorrection, CaseOp.ReissueQueryCode, CaseOp.UploadFile]);
    // Issue 18: the counter hands in materials during the acceptance review only; from acceptance on the district does.
    expect(actions(me(Role.TownshipClerk, 'u-town'), facts(CaseState.Accepted))).not.toContain(CaseOp.UploadFile);
    for (const role of [Role.LiaisonOfficer, Role.Mediator, Role.Admin, Role.Auditor, Role.SecurityAdmin]) {
      for (const state of Object.values(CaseState)) expect(actions(me(role), facts(state))).toEqual([]);
    }
  });

  it('closed cases offer only what follows a closure', () => {
    const head = me(Role.OfficeHead, 'u-head');
    // Issue 18: the archived case file is closed to uploads; its package downloads once the case is closed.
    expect(actions(head, facts(CaseState.Archived))).toEqual([CaseOp.Publish, CaseOp.WithdrawPublication, CaseOp.ReissueQueryCode, CaseOp.DownloadPackage]);
    expect(actions(head, facts(CaseState.Refused))).toEqual([CaseOp.ReissueQueryCode, CaseOp.UploadFile, CaseOp.UploadDocumentVersion, CaseOp.DownloadPackage]);
    expect(actions(head, facts(CaseState.Accepted))).not.toContain(CaseOp.DownloadPackage);
    // The package is a read: a clerk who is not the handler takes it (scope only), but adds nothing to another's case.
    const other = actions(me(Role.ReconsiderationClerk, 'u-other'), facts(CaseState.Served, { handlerId: 'u-handler' }));
    expect(other).toContain(CaseOp.DownloadPackage);
    expect(other).not.toContain(CaseOp.UploadFile);
    for (const a of allowedCaseActions(head, facts(CaseState.Accepted))) expect(a.label).toMatch(/[\u4e00-\u9fa5]/);
  });
});
