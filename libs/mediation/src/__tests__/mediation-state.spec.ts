import { MEDIATION_TRANSITIONS, MediationAction, MediationState, nextMediationState, type MediationPerformer } from '../domain/mediation-state';

const STATES = Object.values(MediationState);
const ACTIONS = Object.values(MediationAction);
const PERFORMERS: MediationPerformer[] = ['coordinator', 'file_mediator', 'office_head', 'district'];

describe('mediation state machine: every state × action × performer', () => {
  const cases = STATES.flatMap((s) => ACTIONS.flatMap((a) => PERFORMERS.map((p) => [s, a, p] as const)));

  it.each(cases)('%s × %s by %s', (state, action, performer) => {
    const move = MEDIATION_TRANSITIONS[action];
    const run = () => nextMediationState(state, action, [performer]);
    if (!move.by.includes(performer)) {
      expect(run).toThrow(expect.objectContaining({ code: 'MEDIATION_ACTION_FORBIDDEN', kind: 'forbidden' }));
    } else if (!move.from.includes(state)) {
      expect(run).toThrow(expect.objectContaining({ code: 'MEDIATION_ILLEGAL_TRANSITION', kind: 'conflict', details: { state, action, ...(move.article ? { article: move.article } : {}) } }));
    } else {
      expect(run()).toBe(move.to === 'same' ? state : move.to);
    }
  });

  it('follows the workflow of the centre', () => {
    let s = nextMediationState(MediationState.Referred, MediationAction.Assign, ['coordinator']);
    expect(s).toBe(MediationState.Assigned);
    expect(nextMediationState(s, MediationAction.Object, ['file_mediator'])).toBe(MediationState.Referred);
    s = nextMediationState(s, MediationAction.Take, ['file_mediator']);
    expect(nextMediationState(s, MediationAction.SignDocument, ['file_mediator'])).toBe(MediationState.Agreed);
    expect(nextMediationState(MediationState.Agreed, MediationAction.Seal, ['office_head'])).toBe(MediationState.Closed);
    expect(nextMediationState(MediationState.Agreed, MediationAction.Fail, ['file_mediator'])).toBe(MediationState.Failed);
    expect(() => nextMediationState(MediationState.Closed, MediationAction.Fail, ['file_mediator'])).toThrow(expect.objectContaining({ code: 'MEDIATION_ILLEGAL_TRANSITION' }));
  });

  it('any capacity of the actor suffices (a coordinator who is also on the file)', () => {
    expect(nextMediationState(MediationState.Assigned, MediationAction.Take, ['coordinator', 'file_mediator'])).toBe(MediationState.InProgress);
  });
});
