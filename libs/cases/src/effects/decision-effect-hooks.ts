import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';

/** A decision took legal effect: it was served on every applicant (ARL 75). */
export interface DecisionEffective {
  caseId: string;
  /** The day of the last applicant's service. */
  effectiveOn: string;
}

export interface DecisionEffectHook {
  /** Runs in the service's transaction: what follows from an effective decision (e.g. ARL 79(2) 抄告, libs/liaison). */
  decisionEffective(m: EntityManager, actor: Actor, e: DecisionEffective): Promise<void>;
}

/**
 * Libraries above this one (liaison) register here in onModuleInit instead of libs/cases importing them, like
 * CalendarChangeHooks in libs/clocks. DecisionService runs every hook in the transaction that completes the service.
 */
@Injectable()
export class DecisionEffectHooks {
  private readonly hooks: DecisionEffectHook[] = [];

  register(hook: DecisionEffectHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  async run(m: EntityManager, actor: Actor, e: DecisionEffective): Promise<void> {
    for (const hook of this.hooks) await hook.decisionEffective(m, actor, e);
  }
}
