import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@fuyi/kernel';
import { APP_CONFIG, JobName, purgePlatformHistory, OutboxService, TimeSource, UnitOfWork, type AppConfig, type JobData, type JobItem } from '@fuyi/platform';
import { CalendarService, purgeReminderHistory, ReminderScanner, staleDeadlineEffects } from '@fuyi/clocks';
import { DeadlineEffectsService } from '@fuyi/cases';
import { DeliveryService, DigestService, purgeDeliveryHistory } from '@fuyi/notifications';
import { ClusterDetector, LiaisonScanner } from '@fuyi/liaison';
import { MediationDueScanner } from '@fuyi/mediation';
import { RollupCompactor } from '@fuyi/statistics';
import { BLOB_STORAGE, sweepOrphanBlobs, type BlobStorage } from '@fuyi/files';
import * as JobSubjects from './stores/job-subjects.store';

export type HandlerResult = 'done' | 'skipped';
type Handlers = { [N in JobName]: (data: JobData<N>) => Promise<HandlerResult> };


/**
 * Exactly one handler per job name: the mapped type makes a missing one a compile error,
 * and `assertComplete` checks it again at boot. Handlers whose subject is gone return 'skipped'.
 */
@Injectable()
export class JobHandlers {
  private readonly logger = new Logger('Jobs');
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly scanner: ReminderScanner,
    private readonly effects: DeadlineEffectsService,
    private readonly deliveries: DeliveryService,
    private readonly digest: DigestService,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly time: TimeSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clusters: ClusterDetector,
    private readonly liaison: LiaisonScanner,
    private readonly mediationDue: MediationDueScanner,
    private readonly rollup: RollupCompactor,
    @Inject(BLOB_STORAGE) private readonly blobs: BlobStorage,
  ) {}

  readonly handlers: Handlers = {
    [JobName.Heartbeat]: async () => {
      await JobSubjects.pingDatabase(this.ds);
      this.logger.debug('heartbeat');
      return 'done';
    },
    // Operational history older than its retention period (issue 15 item 6); cases, events and the audit log stay.
    [JobName.RetentionPurge]: async () => {
      const { days, outboxDays } = this.config.retention;
      const purged = { deliveries: await purgeDeliveryHistory(this.ds, days), ...(await purgeReminderHistory(this.ds, days)), ...(await purgePlatformHistory(this.ds, outboxDays)) };
      this.logger.log({ purged }, 'retention purge');
      return Object.values(purged).some((n) => n > 0) ? 'done' : 'skipped';
    },
    // Statistics roll-up (issue 17 item 3): fold the triggers' deltas into the daily sums; reads are exact either way.
    [JobName.StatisticsCompact]: async () => ((await this.rollup.compact()) > 0 ? 'done' : 'skipped'),
    // Issue 18 item 2: blobs whose row never committed (a failed upload transaction), once past the grace period.
    [JobName.FilesSweep]: async () => ((await sweepOrphanBlobs(this.ds, this.blobs, this.config.files.sweepGraceSeconds, this.time.now())) > 0 ? 'done' : 'skipped'),
    // Group-dispute detection on every new application and consultation (issue 6, item 4); 'skipped' when the record is gone.
    [JobName.CaseRegistered]: async ({ caseId }) => ((await this.clusters.processRecords([{ kind: 'case', id: caseId }])).records ? 'done' : 'skipped'),
    [JobName.ConsultationRecorded]: async ({ consultationId }) =>
      ((await this.clusters.processRecords([{ kind: 'consultation', id: consultationId }])).records ? 'done' : 'skipped'),
    [JobName.GroupDisputesDetect]: async () => ((await this.clusters.scanNew()).records ? 'done' : 'skipped'),
    [JobName.CaseReviewed]: async ({ caseId }) => this.caseExists(caseId),
    // A calendar change whose recompute was cut short (the api stopped midway) is finished first: no reminder fires
    // from a due date the calendar has since moved (issue 15 item 7).
    [JobName.RemindersScan]: async () => {
      const recomputed = await this.calendars.finishOwed();
      return (await this.scanner.scanAll()) > 0 || recomputed > 0 ? 'done' : 'skipped';
    },
    [JobName.DeadlineEffect]: async ({ clockId, effect }) => this.effects.apply(clockId, effect),
    // Court liaison: risk-notice responses and opinion-letter feedback (ARL 76) due, overdue, escalated.
    [JobName.LiaisonScan]: async () => ((await this.liaison.scan()) > 0 ? 'done' : 'skipped'),
    // Mediation time limits (issue #5, policy): the mediators on a file are told 3 days before and when it has passed.
    [JobName.MediationDueScan]: async () => ((await this.mediationDue.scan()) > 0 ? 'done' : 'skipped'),
    [JobName.NotificationDeliver]: async ({ deliveryId }) => ((await this.deliveries.deliver(deliveryId)) === 'delivered' ? 'done' : 'skipped'),
    [JobName.NotificationsDigest]: async () => {
      const today = shanghaiDate(this.time.now());
      const calendar = await this.calendars.current();
      const created = await this.digest.runDaily(today, calendar.isWorkingDay(today));
      return created > 0 ? 'done' : 'skipped';
    },
    // Redis holds only work in flight: whatever Postgres says is still to do, but has sat unpublished for a while
    // (its job was lost, e.g. FLUSHALL), is published again. Handlers are idempotent, so a repeat is harmless.
    [JobName.NotificationsSweep]: async () => {
      const staleSeconds = this.config.recoveryStaleSeconds;
      return this.uow.run(async (m) => {
        // Inside one transaction with the rows locked: two sweeping workers split the work instead of doubling it.
        const deliveries = await this.deliveries.stalePending(staleSeconds, 1000, m);
        const effects = await staleDeadlineEffects(m, staleSeconds, 1000);
        if (!deliveries.length && !effects.length) return 'skipped';
        await this.deliveries.touch(deliveries, m);
        await this.outbox.addMany(m, [
          ...deliveries.map((deliveryId): JobItem => ({ name: JobName.NotificationDeliver, data: { deliveryId } })),
          ...effects.map((e): JobItem => ({ name: JobName.DeadlineEffect, data: e })),
        ]);
        return 'done';
      });
    },
  };

  private async caseExists(caseId: string): Promise<HandlerResult> {
    return (await JobSubjects.caseExists(this.ds, caseId)) ? 'done' : 'skipped';
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
