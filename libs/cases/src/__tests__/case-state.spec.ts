import { DomainError, Role } from '@fuyi/kernel';
import { CASE_TRANSITIONS, CaseAction, CaseState, nextState, type Performer } from '../domain/case-state';

const REVIEWERS: Performer[] = [Role.ReconsiderationClerk, Role.SectionChief, Role.OfficeHead];
const ALL_PERFORMERS: Performer[] = [...Object.values(Role), 'system'];

/** The legal moves, written out from domain.md §3 rather than read back from the table under test. */
const LEGAL: Array<[CaseState, CaseAction, CaseState, Performer[]]> = [
  [CaseState.Registered, CaseAction.Accept, CaseState.Accepted, REVIEWERS],
  [CaseState.Registered, CaseAction.RequestCorrection, CaseState.CorrectionRequested, REVIEWERS],
  [CaseState.Registered, CaseAction.Refuse, CaseState.Refused, REVIEWERS],
  [CaseState.CorrectionRequested, CaseAction.ReceiveCorrection, CaseState.Registered, [...REVIEWERS, Role.TownshipClerk]],
  [CaseState.Registered, CaseAction.DeemAccepted, CaseState.Accepted, ['system']],
  [CaseState.CorrectionRequested, CaseAction.Abandon, CaseState.Abandoned, REVIEWERS],
  // Adjudication (domain.md §3 items 8-13): suspension, decision with the office head's approval, service, closing.
  [CaseState.Accepted, CaseAction.Suspend, CaseState.Suspended, REVIEWERS],
  // ARL 39(1)(6): the mediator on the linked mediation file hands a failed mediation back (libs/mediation).
  [CaseState.Suspended, CaseAction.Resume, CaseState.Accepted, [...REVIEWERS, Role.Mediator]],
  [CaseState.Accepted, CaseAction.SubmitDecision, CaseState.DecisionPending, REVIEWERS],
  [CaseState.DecisionPending, CaseAction.ApproveDecision, CaseState.Decided, [Role.OfficeHead]],
  [CaseState.DecisionPending, CaseAction.ReturnDecision, CaseState.Accepted, [Role.OfficeHead]],
  [CaseState.Decided, CaseAction.CompleteService, CaseState.Served, REVIEWERS],
  [CaseState.Accepted, CaseAction.Terminate, CaseState.Terminated, [Role.OfficeHead]],
  [CaseState.Suspended, CaseAction.Terminate, CaseState.Terminated, [Role.OfficeHead]],
  [CaseState.Accepted, CaseAction.ConcludeMediation, CaseState.Mediated, [Role.OfficeHead]],
  [CaseState.Suspended, CaseAction.ConcludeMediation, CaseState.Mediated, [Role.OfficeHead]],
  [CaseState.Served, CaseAction.Archive, CaseState.Archived, REVIEWERS],
  [CaseState.Terminated, CaseAction.Archive, CaseState.Archived, REVIEWERS],
  [CaseState.Mediated, CaseAction.Archive, CaseState.Archived, REVIEWERS],
];

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('case state machine', () => {
  const legalCases = LEGAL.flatMap(([from, action, to, by]) => by.map((p) => [from, action, p, to] as const));

  it.each(legalCases)('%s --%s by %s--> %s', (from, action, by, to) => {
    expect(nextState(from, action, by)).toBe(to);
  });

  it('the table has exactly these legal moves and roles', () => {
    for (const [, action, to, by] of LEGAL) {
      expect(CASE_TRANSITIONS[action].to).toBe(to);
      expect([...CASE_TRANSITIONS[action].by].sort()).toEqual([...by].sort());
    }
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual(Object.values(CaseAction).sort());
  });

  const illegal = Object.values(CaseState).flatMap((from) =>
    LEGAL.filter(([legalFrom, action]) => !LEGAL.some(([f, a]) => f === from && a === action) && legalFrom !== from)
      .map(([, action, , by]) => [from, action, by[0]] as const),
  );

  it.each(illegal)('from %s, %s by an allowed role (%s) is CASE_ILLEGAL_TRANSITION (409)', (from, action, by) => {
    const e = thrown(() => nextState(from, action, by));
    expect(e.code).toBe('CASE_ILLEGAL_TRANSITION');
    expect(e.kind).toBe('conflict');
    expect(e.details).toMatchObject({ state: from, action });
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('terminal states allow nothing at all', () => {
    for (const from of [CaseState.Refused, CaseState.Abandoned, CaseState.Archived]) {
      for (const [, action, , by] of LEGAL) expect(thrown(() => nextState(from, action, by[0])).code).toBe('CASE_ILLEGAL_TRANSITION');
    }
  });

  const forbidden = LEGAL.flatMap(([from, action, , by]) =>
    ALL_PERFORMERS.filter((p) => !by.includes(p)).map((p) => [from, action, p] as const),
  );

  it.each(forbidden)('from %s, %s by %s is CASE_ACTION_FORBIDDEN (403)', (from, action, by) => {
    const e = thrown(() => nextState(from, action, by));
    expect(e.code).toBe('CASE_ACTION_FORBIDDEN');
    expect(e.kind).toBe('forbidden');
  });

  it('a role that may never act is told so even in a state where the move would be illegal anyway', () => {
    expect(thrown(() => nextState(CaseState.Accepted, CaseAction.Accept, Role.TownshipClerk)).code).toBe('CASE_ACTION_FORBIDDEN');
    expect(thrown(() => nextState(CaseState.Accepted, CaseAction.Accept, 'system')).code).toBe('CASE_ACTION_FORBIDDEN');
  });
});
