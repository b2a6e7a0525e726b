import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, QueueRegistry, relayOutboxBatch, UnitOfWork, type AppConfig } from '@fuyi/platform';

/**
 * Polls the outbox in Postgres and publishes to BullMQ. It is a poller, not a scheduled BullMQ job,
 * so that it keeps running even after Redis has lost everything (FLUSHALL, restart without persistence).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => this.schedule(this.config.outboxPollMs));
    }, delay);
  }

  /** Publishes until the outbox is empty (or shutdown begins). */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (let n = 1; n > 0 && !this.stopped; total += n) n = await relayOutboxBatch(this.uow, (rows) => this.queues.publishOutbox(rows));
    } catch (e) {
      this.logger.warn(`outbox relay failed, will retry: ${(e as Error).message}`);
    }
    return total;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
