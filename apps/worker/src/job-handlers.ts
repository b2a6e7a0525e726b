import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@fuyi/kernel';
import { JobName, OutboxService, TimeSource, type JobData, type JobItem } from '@fuyi/platform';
import { CalendarService, ReminderScanner } from '@fuyi/clocks';
import { DeadlineEffectsService } from '@fuyi/cases';
import { DeliveryService, DigestService } from '@fuyi/notifications';

export type HandlerResult = 'done' | 'skipped';
type Handlers = { [N in JobName]: (data: JobData<N>) => Promise<HandlerResult> };

/** A delivery still pending this long after its last touch lost its job (e.g. Redis lost everything): publish again. */
const STALE_DELIVERY_SECONDS = 120;

/**
 * Exactly one handler per job name: the mapped type makes a missing one a compile error,
 * and `assertComplete` checks it again at boot. Handlers whose subject is gone return 'skipped'.
 */
@Injectable()
export class JobHandlers {
  private readonly logger = new Logger('Jobs');
  constructor(
    private readonly ds: DataSource,
    private readonly scanner: ReminderScanner,
    private readonly effects: DeadlineEffectsService,
    private readonly deliveries: DeliveryService,
    private readonly digest: DigestService,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly time: TimeSource,
  ) {}

  readonly handlers: Handlers = {
    [JobName.Heartbeat]: async () => {
      await this.ds.query('SELECT 1');
      this.logger.debug('heartbeat');
      return 'done';
    },
    [JobName.CaseRegistered]: async ({ caseId }) => this.caseExists(caseId),
    [JobName.CaseReviewed]: async ({ caseId }) => this.caseExists(caseId),
    [JobName.RemindersScan]: async () => ((await this.scanner.scanAll()) > 0 ? 'done' : 'skipped'),
    [JobName.DeadlineEffect]: async ({ clockId, effect }) => this.effects.apply(clockId, effect),
    [JobName.NotificationDeliver]: async ({ deliveryId }) => ((await this.deliveries.deliver(deliveryId)) === 'delivered' ? 'done' : 'skipped'),
    [JobName.NotificationsDigest]: async () => {
      const today = shanghaiDate(this.time.now());
      const calendar = await this.calendars.current();
      const created = await this.digest.runDaily(today, calendar.isWorkingDay(today), (m, ids) => this.publishDeliveries(m, ids));
      return created > 0 ? 'done' : 'skipped';
    },
    [JobName.NotificationsSweep]: async () => {
      const stale = await this.deliveries.stalePending(STALE_DELIVERY_SECONDS, 1000);
      if (!stale.length) return 'skipped';
      await this.ds.transaction(async (m) => {
        await this.deliveries.touch(stale, m);
        await this.outbox.addMany(m, stale.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })));
      });
      return 'done';
    },
  };

  private async publishDeliveries(m: Parameters<DeliveryService['createFor']>[0], notificationIds: string[]): Promise<void> {
    const ids = await this.deliveries.createFor(m, notificationIds);
    await this.outbox.addMany(m, ids.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })));
  }

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
