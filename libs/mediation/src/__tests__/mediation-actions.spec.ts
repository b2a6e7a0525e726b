import { DomainError, Role } from '@fuyi/kernel';
import {
  allowedMediationActions, MEDIATION_OPERATIONS, MEDIATION_UPLOAD_ACTION, MediationOp, mediationOperationAllowed, type MediationFacts,
} from '../domain/mediation-actions';
import { MediationAction, MediationState, nextMediationState, type MediationPerformer } from '../domain/mediation-state';

const CAPACITIES: Array<[Role, MediationPerformer[]]> = [
  [Role.Mediator, ['file_mediator']],
  [Role.Mediator, ['coordinator']],
  [Role.Mediator, ['coordinator', 'file_mediator']],
  [Role.Mediator, []],
  [Role.OfficeHead, ['office_head', 'district']],
  [Role.ReconsiderationClerk, ['district']],
  [Role.TownshipClerk, []],
  [Role.LiaisonOfficer, []],
];
const facts = (state: MediationState, capacities: MediationPerformer[], x: Partial<MediationFacts> = {}): MediationFacts => ({
  state, capacities, mediators: 1, caseState: 'accepted', caseSuspended: false, outcome: 'agreement', ...x,
});
/** The workflow's operations (the upload entry, not a move of the machine, has its own test below). */
const actions = (role: Role, f: MediationFacts) => allowedMediationActions(role, f).map((a) => a.action).filter((a) => a !== MEDIATION_UPLOAD_ACTION);

describe('mediation allowedActions (issue 11 item 5)', () => {
  it('an operation is offered only when one of its moves passes the state machine for the caller', () => {
    for (const state of Object.values(MediationState)) {
      for (const [role, caps] of CAPACITIES) {
        for (const op of Object.values(MediationOp)) {
          const machine = MEDIATION_OPERATIONS[op].moves.some((a) => {
            try {
              nextMediationState(state, a, caps);
              return true;
            } catch (e) {
              expect(e).toBeInstanceOf(DomainError);
              return false;
            }
          });
          if (!machine) expect([state, role, caps, op, mediationOperationAllowed(op, role, facts(state, caps))]).toEqual([state, role, caps, op, false]);
        }
      }
    }
  });

  it('the mediator on the file works it; the coordinator and the head assign; the head seals', () => {
    expect(actions(Role.Mediator, facts(MediationState.Referred, ['coordinator']))).toEqual(['assign', 'record_failure']);
    expect(actions(Role.Mediator, facts(MediationState.Assigned, ['file_mediator']))).toEqual(['object', 'take', 'schedule_session', 'record_failure']);
    expect(actions(Role.Mediator, facts(MediationState.InProgress, ['file_mediator']))).toEqual(
      ['object', 'extend', 'schedule_session', 'record_agreement', 'record_withdrawal', 'record_failure'],
    );
    expect(actions(Role.Mediator, facts(MediationState.InProgress, []))).toEqual([]);
    expect(actions(Role.OfficeHead, facts(MediationState.Agreed, ['office_head', 'district']))).toEqual(['record_failure', 'seal']);
    expect(actions(Role.Mediator, facts(MediationState.Agreed, ['file_mediator']))).toEqual(['record_failure']);
  });

  it('reads the record: a second mediator at most, the linked case stage, a follow-up of an agreement only', () => {
    const coordinator: MediationPerformer[] = ['coordinator'];
    expect(actions(Role.Mediator, facts(MediationState.InProgress, coordinator, { mediators: 1 }))).toContain('add_mediator');
    expect(actions(Role.Mediator, facts(MediationState.InProgress, coordinator, { mediators: 2 }))).not.toContain('add_mediator');
    const clerk: MediationPerformer[] = ['district'];
    expect(actions(Role.ReconsiderationClerk, facts(MediationState.InProgress, clerk))).toEqual(['suspend_case']);
    expect(actions(Role.ReconsiderationClerk, facts(MediationState.InProgress, clerk, { caseSuspended: true }))).toEqual([]);
    expect(actions(Role.ReconsiderationClerk, facts(MediationState.InProgress, clerk, { caseState: 'registered' }))).toEqual([]);
    const onFile: MediationPerformer[] = ['file_mediator'];
    expect(actions(Role.Mediator, facts(MediationState.InProgress, onFile, { caseState: 'registered' }))).not.toContain('record_agreement');
    expect(actions(Role.Mediator, facts(MediationState.InProgress, onFile, { caseState: null }))).toContain('record_agreement');
    expect(actions(Role.Mediator, facts(MediationState.Closed, onFile, { outcome: 'reconciliation' }))).toEqual([]);
    expect(actions(Role.Mediator, facts(MediationState.Closed, onFile))).toEqual(['follow_up']);
    expect(actions(Role.Mediator, facts(MediationState.Failed, onFile))).toEqual([]);
  });

  it('upload_file (issue 18) goes last, in every state, to the roles the upload route admits; never to a township clerk', () => {
    for (const state of Object.values(MediationState)) {
      for (const [role, caps] of CAPACITIES) {
        const offered = allowedMediationActions(role, facts(state, caps));
        const expected = role !== Role.TownshipClerk;
        expect([state, role, offered.some((a) => a.action === MEDIATION_UPLOAD_ACTION)]).toEqual([state, role, expected]);
        if (expected) expect(offered.at(-1)).toEqual({ action: 'upload_file', label: '上传材料' });
      }
    }
  });

  it('every move of the machine is offered by an operation', () => {
    const offered = Object.values(MEDIATION_OPERATIONS).flatMap((o) => o.moves);
    expect(Object.values(MediationAction).filter((a) => !offered.includes(a))).toEqual([]);
  });
});
