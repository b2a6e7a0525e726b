import fc from 'fast-check';
import { DomainError } from '../domain-error';
import { StateMachine, type Transition } from '../state-machine';

type S = 'draft' | 'submitted' | 'approved' | 'sent' | 'acknowledged' | 'closed';
type A = 'edit' | 'submit' | 'approve' | 'reject' | 'send' | 'acknowledge' | 'close';
type P = 'clerk' | 'head';
const STATES: S[] = ['draft', 'submitted', 'approved', 'sent', 'acknowledged', 'closed'];

const T: Record<A, Transition<S, P, { last: boolean }>> = {
  edit: { from: ['draft'], to: 'same', by: ['clerk'] },
  submit: { from: ['draft'], to: 'submitted', by: ['clerk'] },
  approve: { from: ['submitted'], to: 'approved', by: ['head'], article: 'ARL 99' },
  reject: { from: ['submitted', 'approved'], to: 'draft', by: ['head'] },
  send: { from: ['approved'], to: 'sent', by: ['clerk', 'head'] },
  acknowledge: { from: ['sent'], to: { among: ['sent', 'acknowledged'], pick: (_s, c) => (c?.last ? 'acknowledged' : 'sent') } },
  close: { from: ['acknowledged'], to: 'closed', by: ['head'] },
};
const ACTIONS = Object.keys(T) as A[];

const machine = new StateMachine<S, A, P, { last: boolean }>(T, {
  forbidden: (a) => new DomainError('X_FORBIDDEN', `无权${a}`, 'forbidden'),
  illegal: (s, a, t) => new DomainError('X_ILLEGAL', `${s}不能${a}`, 'conflict', { state: s, action: a, article: t.article }),
});

const thrown = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('did not throw');
};

describe('StateMachine', () => {
  it('decides the next state, keeps it for "same", picks a chosen target from the context', () => {
    expect(machine.decide('draft', 'submit', { by: ['clerk'] })).toBe('submitted');
    expect(machine.decide('draft', 'edit', { by: ['clerk'] })).toBe('draft');
    expect(machine.decide('sent', 'acknowledge', { ctx: { last: false } })).toBe('sent');
    expect(machine.decide('sent', 'acknowledge', { ctx: { last: true } })).toBe('acknowledged');
  });

  it('refuses the performer first, then the state, with the owner errors naming the article', () => {
    expect(thrown(() => machine.decide('closed', 'approve', { by: ['clerk'] })).code).toBe('X_FORBIDDEN');
    const e = thrown(() => machine.decide('draft', 'approve', { by: ['head'] }));
    expect(e).toMatchObject({ code: 'X_ILLEGAL', kind: 'conflict', details: { state: 'draft', action: 'approve', article: 'ARL 99' } });
    // Without performers the machine does not check who acts.
    expect(machine.decide('submitted', 'approve')).toBe('approved');
  });

  it('peek answers null instead of throwing; sources, actionsFrom and permits read the table', () => {
    expect(machine.peek('closed', 'submit')).toBeNull();
    expect(machine.sources('reject')).toEqual(['submitted', 'approved']);
    expect(machine.actionsFrom('draft').sort()).toEqual(['edit', 'submit']);
    expect(machine.permits('send', ['head'])).toBe(true);
    expect(machine.permits('close', ['clerk'])).toBe(false);
    expect(machine.permits('acknowledge', [])).toBe(true);
  });

  it('rejects a chosen target outside its declared ones', () => {
    const bad = new StateMachine<S, 'x'>(
      { x: { from: ['draft'], to: { among: ['sent'], pick: () => 'closed' } } },
      { illegal: () => new DomainError('X', 'x', 'conflict') },
    );
    expect(() => bad.peek('draft', 'x')).toThrow(/not among/);
  });

  it('reachable: everything from draft, nothing back from closed', () => {
    expect([...machine.reachable(['draft'])].sort()).toEqual([...STATES].sort());
    expect([...machine.reachable(['closed'])]).toEqual(['closed']);
  });

  it('property: any sequence of events the machine accepts ends in a state reachable from the start', () => {
    const reachable = machine.reachable(['draft']);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.boolean(), fc.constantFrom<P>('clerk', 'head')), { maxLength: 40 }),
        (events) => {
          let s: S = 'draft';
          for (const [a, last, by] of events) {
            try {
              s = machine.decide(s, a, { by: [by], ctx: { last } });
            } catch (e) {
              expect(e).toBeInstanceOf(DomainError);
              expect(['X_FORBIDDEN', 'X_ILLEGAL']).toContain((e as DomainError).code);
            }
            expect(reachable.has(s)).toBe(true);
          }
        },
      ),
    );
  });

  it('property: decide agrees with peek and permits (refused exactly when one of them says no)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom<P>('clerk', 'head'),
        fc.boolean(),
        (s, a, by, last) => {
          const peeked = machine.peek(s, a, { last });
          const allowed = machine.permits(a, [by]) && peeked !== null;
          if (allowed) expect(machine.decide(s, a, { by: [by], ctx: { last } })).toBe(peeked);
          else expect(() => machine.decide(s, a, { by: [by], ctx: { last } })).toThrow(DomainError);
          if (peeked !== null) expect(machine.targets(s, a)).toContain(peeked);
        },
      ),
    );
  });
});
