import type { DomainError } from './domain-error';

/**
 * A target chosen at run time among declared states (e.g. a risk notice becomes 'acknowledged' only when the last
 * department has signed for it). `among` keeps the machine analysable: reachability never has to call `pick`.
 */
export interface ChosenTarget<S extends string, C> {
  among: readonly S[];
  pick: (from: S, ctx: C) => S;
}

/** One action: the states it may start from, where it leads ('same' = the state is kept), who may perform it. */
export interface Transition<S extends string, P = never, C = undefined> {
  from: readonly S[];
  to: S | 'same' | ChosenTarget<S, C>;
  /** Performers allowed; absent = the machine does not check who acts (the caller's access rules do). */
  by?: readonly P[];
  /** The rule behind the step, e.g. 'ARL 31'; handed to the refusal so the error can name it. */
  article?: string;
}

/** How the owning library refuses, so each keeps its own error codes and Chinese messages. */
export interface Refusals<S extends string, A extends string, P, C> {
  forbidden?: (action: A, t: Transition<S, P, C>) => DomainError;
  illegal: (state: S, action: A, t: Transition<S, P, C>) => DomainError;
}

/**
 * A state machine as plain data (no framework, no I/O): typed states S, actions A, performers P and an optional
 * context C for chosen targets. `decide` is the guard: the next state, or the owner's domain error.
 */
export class StateMachine<S extends string, A extends string, P = never, C = undefined> {
  constructor(
    readonly transitions: Readonly<Record<A, Transition<S, P, C>>>,
    private readonly refusals: Refusals<S, A, P, C>,
  ) {}

  get actions(): A[] {
    return Object.keys(this.transitions) as A[];
  }

  /** The states `action` may start from. */
  sources(action: A): readonly S[] {
    return this.transitions[action].from;
  }

  allows(state: S, action: A): boolean {
    return this.transitions[action].from.includes(state);
  }

  /** Whether any of the performers may perform `action` (true when the machine does not check performers). */
  permits(action: A, performers: readonly P[]): boolean {
    const by = this.transitions[action].by;
    return !by || performers.some((p) => by.includes(p));
  }

  /** The actions allowed in `state` (who acts aside). */
  actionsFrom(state: S): A[] {
    return this.actions.filter((a) => this.allows(state, a));
  }

  /** The state after `action`, or null when it is not allowed in `state`. Never throws, never checks performers. */
  peek(state: S, action: A, ctx?: C): S | null {
    const t = this.transitions[action];
    if (!t.from.includes(state)) return null;
    if (t.to === 'same') return state;
    if (typeof t.to === 'string') return t.to;
    const to = t.to.pick(state, ctx as C);
    if (!t.to.among.includes(to)) throw new Error(`state machine: ${action} chose ${to}, not among its declared targets`);
    return to;
  }

  /**
   * The guard. Checks the performers first (when given and the action names them), then the state; throws the owner's
   * forbidden / illegal-transition error, else returns the next state.
   */
  decide(state: S, action: A, opts: { by?: readonly P[]; ctx?: C } = {}): S {
    const t = this.transitions[action];
    if (opts.by && !this.permits(action, opts.by)) {
      throw this.refusals.forbidden ? this.refusals.forbidden(action, t) : this.refusals.illegal(state, action, t);
    }
    const to = this.peek(state, action, opts.ctx);
    if (to === null) throw this.refusals.illegal(state, action, t);
    return to;
  }

  /** Every state `action` may lead to from `state` (for 'same', the state itself). */
  targets(state: S, action: A): readonly S[] {
    const t = this.transitions[action];
    if (!t.from.includes(state)) return [];
    if (t.to === 'same') return [state];
    return typeof t.to === 'string' ? [t.to] : t.to.among;
  }

  /** The states reachable from the initial ones through any sequence of allowed actions (initial ones included). */
  reachable(initial: readonly S[]): Set<S> {
    const seen = new Set<S>(initial);
    const queue = [...initial];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of this.actionsFrom(s)) {
        for (const to of this.targets(s, a)) {
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
    }
    return seen;
  }
}
