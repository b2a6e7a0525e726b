import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import type Redis from 'ioredis';
import { shanghaiDate } from '@fuyi/kernel';
import { DigestService } from '@fuyi/notifications';
import { APP_CONFIG, JobName, QueueName, QueueRegistry, TimeSource, type AppConfig } from '@fuyi/platform';

import { JobHandlers } from './job-handlers';
import { WORKER_REDIS } from './tokens';

const HEARTBEAT_EVERY_MS = 30_000;
/** Liaison due dates are whole days: a scan every 10 minutes is plenty. */
const LIAISON_SCAN_MS = 10 * 60_000;
const DIGEST_MINUTE_OF_DAY = 8 * 60 + 30; // 08:30 Beijing time
const shanghaiMinuteOfDay = (d: Date) => Math.floor((d.getTime() / 60_000 + 8 * 60) % 1440);
/** Schedulers live in Redis: re-asserted this often, so a Redis that lost everything gets them back quickly. */
const SCHEDULER_REASSERT_MS = 10_000;

/** The only place that registers BullMQ processors. */
@Injectable()
export class QueueProcessorsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Queues');
  private readonly workers: Worker[] = [];
  /** BullMQ does not close a connection it was given: ours to disconnect once the workers are closed. */
  private readonly connections: Redis[] = [];
  private schedulerTimer: NodeJS.Timeout | undefined;
  private digestCaughtUp: string | undefined;

  constructor(
    private readonly jobs: JobHandlers,
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(WORKER_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: TimeSource,
    private readonly digest: DigestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.assertComplete();
    for (const name of Object.values(QueueName)) {
      const connection = this.redis.duplicate();
      this.connections.push(connection);
      const worker = new Worker(name, async (job) => this.jobs.run(job.name, job.data), {
        connection, prefix: this.config.queuePrefix, concurrency: 8,
      });
      worker.on('failed', (job, err) => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`));
      worker.on('error', (err) => this.logger.warn(`worker error: ${err.message}`));
      this.workers.push(worker);
    }
    await this.ensureSchedulers();
    // Schedulers live in Redis; re-assert them so that a Redis that lost everything gets them back.
    this.schedulerTimer = setInterval(() => void this.ensureSchedulers(), SCHEDULER_REASSERT_MS);
    this.logger.log(`worker ready: ${this.workers.length} queues`);
  }

  private async ensureSchedulers(): Promise<void> {
    try {
      await this.queues.get(QueueName.System).upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: JobName.Heartbeat, data: {} });
      // 03:15 Beijing time, when the office is closed; a missed night is caught up by the next (the purge is idempotent).
      await this.queues.get(QueueName.System).upsertJobScheduler('retention-purge', { pattern: '0 15 3 * * *', tz: 'Asia/Shanghai' }, { name: JobName.RetentionPurge, data: {} });
      await this.queues.get(QueueName.System).upsertJobScheduler('files-sweep', { every: 3_600_000 }, { name: JobName.FilesSweep, data: {} });
      await this.queues.get(QueueName.System).upsertJobScheduler('statistics-compact', { every: 60_000 }, { name: JobName.StatisticsCompact, data: {} });
      await this.queues.get(QueueName.Reminders).upsertJobScheduler('reminder-scan', { every: this.config.reminderScanMs }, { name: JobName.RemindersScan, data: {} });
      await this.queues.get(QueueName.Reminders).upsertJobScheduler('liaison-scan', { every: LIAISON_SCAN_MS }, { name: JobName.LiaisonScan, data: {} });
      // Mediation time limits: hourly, so a run missed while the worker was down is caught up (warned once per due date).
      await this.queues.get(QueueName.Reminders).upsertJobScheduler('mediation-due-scan', { every: 3_600_000 }, { name: JobName.MediationDueScan, data: {} });
      // Records whose per-record detection job was lost are caught up from the watermark in Postgres.
      await this.queues.get(QueueName.Cases).upsertJobScheduler('group-disputes-detect', { every: this.config.groupDispute.scanMs }, { name: JobName.GroupDisputesDetect, data: {} });
      await this.queues.get(QueueName.Notifications).upsertJobScheduler('delivery-sweep', { every: this.config.recoverySweepMs }, { name: JobName.NotificationsSweep, data: {} });
      // 08:30 Beijing time every day; the handler itself skips days that are not working days on the calendar.
      await this.queues.get(QueueName.Notifications).upsertJobScheduler('daily-digest', { pattern: '0 30 8 * * *', tz: 'Asia/Shanghai' }, { name: JobName.NotificationsDigest, data: {} });
      // A cron run missed while the worker was down or Redis was empty is not caught up by BullMQ: after 08:30, ask
      // once per day and Redis lifetime (the digest itself is idempotent per user and day).
      const now = this.time.now();
      const today = shanghaiDate(now);
      if (this.digestCaughtUp !== today && shanghaiMinuteOfDay(now) >= DIGEST_MINUTE_OF_DAY && !(await this.digest.writtenOn(today))) {
        await this.queues.get(QueueName.Notifications).add(JobName.NotificationsDigest, {}, { jobId: `digest-catch-up-${today}` });
        this.digestCaughtUp = today; // once per process and day: a day with nothing to report leaves no digest row behind
      }
    } catch (e) {
      this.logger.warn(`could not register schedulers: ${(e as Error).message}`);
    }
  }

  /** Graceful: Worker.close() lets in-flight jobs finish and takes no new ones. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.schedulerTimer);
    await Promise.all(this.workers.map((w) => w.close()));
    for (const c of this.connections) c.disconnect();
  }
}
