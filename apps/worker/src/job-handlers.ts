import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, type JobData } from '@fuyi/platform';

export type HandlerResult = 'done' | 'skipped';
type Handlers = { [N in JobName]: (data: JobData<N>) => Promise<HandlerResult> };

/**
 * Exactly one handler per job name: the mapped type makes a missing one a compile error,
 * and `assertComplete` checks it again at boot.
 */
@Injectable()
export class JobHandlers {
  private readonly logger = new Logger('Jobs');
  constructor(private readonly ds: DataSource) {}

  readonly handlers: Handlers = {
    [JobName.Heartbeat]: async () => {
      await this.ds.query('SELECT 1');
      this.logger.debug('heartbeat');
      return 'done';
    },
    [JobName.CaseRegistered]: async ({ caseId }) => this.caseExists(caseId),
    [JobName.CaseReviewed]: async ({ caseId }) => this.caseExists(caseId),
  };

  /** Placeholder consumers for now: a job whose subject is gone is skipped, never an error. */
  private async caseExists(caseId: string): Promise<HandlerResult> {
    const rows = await this.ds.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
    return rows.length ? 'done' : 'skipped';
  }

  assertComplete(): void {
    const missing = Object.values(JobName).filter((n) => typeof this.handlers[n] !== 'function');
    if (missing.length) throw new Error(`job names without a handler: ${missing.join(', ')}`);
  }

  run(name: string, data: unknown): Promise<HandlerResult> {
    const handler = this.handlers[name as JobName] as ((d: unknown) => Promise<HandlerResult>) | undefined;
    if (!handler) throw new Error(`no handler for job ${name}`);
    return handler(data);
  }
}
