import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A legal risk the reviewer should see on the case (a warning, never a block): code, Chinese message, article. */
export interface CaseRisk {
  code: string;
  message: string;
  article: string;
}

export interface CaseRiskHook {
  /** Reads only: what a library above this one knows about the case (e.g. ARL 70 evidence, libs/files). */
  risksOf(m: Pick<EntityManager, 'query'>, caseId: string): Promise<CaseRisk[]>;
}

/**
 * Libraries above this one register here in onModuleInit (as DecisionEffectHooks), so that the case resource can show
 * what they know without libs/cases importing them: the detail GET and every change answer `risks`.
 */
@Injectable()
export class CaseRiskHooks {
  private readonly hooks: CaseRiskHook[] = [];

  register(hook: CaseRiskHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  async risksOf(m: Pick<EntityManager, 'query'>, caseId: string): Promise<CaseRisk[]> {
    const all: CaseRisk[] = [];
    for (const hook of this.hooks) all.push(...(await hook.risksOf(m, caseId)));
    return all;
  }
}
