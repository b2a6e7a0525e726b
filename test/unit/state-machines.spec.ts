import fc from 'fast-check';
import { DomainError, type StateMachine } from '@fuyi/kernel';
import { CASE_MACHINE, CaseState } from '../../libs/cases/src/domain/case-state';
import { MEDIATION_MACHINE, MediationState } from '../../libs/mediation/src/domain/mediation-state';
import { NOTICE_MACHINE, NoticeState } from '../../libs/liaison/src/workflow/domain/risk-notice-state';
import { LETTER_MACHINE, LetterState } from '../../libs/liaison/src/workflow/domain/letter-state';

/** Issue 19 item 4: the four workflows on the one kernel state machine; whatever events arrive, no state is invented. */
const MACHINES: Array<[string, Pick<StateMachine<any, any, any, any>, 'actions' | 'decide' | 'reachable'>, string, string[], string[]]> = [
  [
    'case',
    CASE_MACHINE,
    CaseState.Registered,
    Object.values(CaseState),
    ['system', 'reconsideration_clerk', 'section_chief', 'office_head', 'township_clerk', 'mediator'],
  ],
  [
    'mediation',
    MEDIATION_MACHINE,
    MediationState.Referred,
    Object.values(MediationState),
    ['coordinator', 'file_mediator', 'office_head', 'district'],
  ],
  ['risk notice', NOTICE_MACHINE, NoticeState.Draft, Object.values(NoticeState), []],
  ['letter', LETTER_MACHINE, LetterState.Draft, Object.values(LetterState), []],
];

describe.each(MACHINES)('%s state machine', (_name, machine, initial, states, performers) => {
  it('every state is reachable from the first one', () => {
    expect([...machine.reachable([initial])].sort()).toEqual([...states].sort());
  });

  it('property: any sequence of events ends in a reachable state; refusals are domain errors', () => {
    const reachable = machine.reachable([initial]);
    const event = fc.record({
      action: fc.constantFrom(...machine.actions),
      by: performers.length ? fc.subarray(performers, { minLength: 1 }) : fc.constant(undefined),
      ctx: fc.record({ allAcknowledged: fc.boolean(), allResponded: fc.boolean() }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let s = initial;
        for (const e of events) {
          try {
            s = machine.decide(s, e.action, { by: e.by, ctx: e.ctx });
          } catch (err) {
            expect(err).toBeInstanceOf(DomainError);
            expect((err as DomainError).kind).toMatch(/^(forbidden|conflict)$/);
          }
          expect(reachable.has(s)).toBe(true);
        }
      }),
    );
  });
});
