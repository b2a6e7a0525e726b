import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { QueueRegistry, UnitOfWork } from '@fuyi/platform';
import { WindowedHistogram } from './windowed-histogram';
import { LATENESS_BUCKETS, LATENESS_WINDOW_HOURS, readDatabase, readQueues, type DatabaseReadings, type QueueCounts } from './metrics-readings';

interface Readings {
  db: DatabaseReadings | null;
  queues: QueueCounts | null;
}

/**
 * Operations metrics in a registry of their own, evaluated when scraped: every value is read from PostgreSQL and
 * BullMQ at that moment, so any api process answers the same for all worker processes. A source that fails leaves
 * its series out (unlabelled gauges read NaN) and sets fuyi_metrics_source_up to 0, instead of failing the scrape.
 */
@Injectable()
export class OpsMetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private inFlight: Promise<Readings> | undefined;

  constructor(private readonly uow: UnitOfWork, @Inject(QueueRegistry) private readonly queues: QueueRegistry) {
    const registers = [this.registry];
    const read = () => this.read();
    const db = async () => (await read()).db;

    new Gauge({
      name: 'fuyi_metrics_source_up', help: '本次采集时数据源是否可读（1 可读，0 不可读）', labelNames: ['source'], registers,
      async collect() {
        const r = await read();
        this.set({ source: 'postgres' }, r.db ? 1 : 0);
        this.set({ source: 'redis' }, r.queues ? 1 : 0);
      },
    });
    new Gauge({
      name: 'fuyi_queue_jobs', help: 'BullMQ 队列中各状态的任务数', labelNames: ['queue', 'state'], registers,
      async collect() {
        const counts = (await read()).queues;
        this.reset();
        for (const [queue, states] of Object.entries(counts ?? {})) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      },
    });
    new Counter({
      name: 'fuyi_reminders_fired_total', help: '已发出的提醒总数（reminders 表行数）', registers,
      async collect() {
        const r = await db();
        if (!r) return; // keep the last value: a counter that drops to 0 reads as a reset
        this.reset();
        this.inc(r.remindersFired);
      },
    });
    new WindowedHistogram(
      'fuyi_reminder_firing_lateness_seconds',
      `提醒发出时间与应发时间之差（秒），统计最近 ${LATENESS_WINDOW_HOURS} 小时发出的提醒`,
      LATENESS_BUCKETS,
      async () => (await db())?.lateness ?? null,
      this.registry,
    );
    const gauge = (name: string, help: string, pick: (r: DatabaseReadings) => number) =>
      new Gauge({
        name, help, registers,
        async collect() {
          const r = await db();
          this.set(r ? pick(r) : NaN);
        },
      });
    gauge('fuyi_outbox_lag_seconds', '最早一条未发送（且未搁置）的 outbox 记录已等待的秒数，无则为 0', (r) => r.outboxLagSeconds);
    gauge('fuyi_outbox_pending', '未发送且未搁置的 outbox 记录数', (r) => r.outboxPending);
    gauge('fuyi_outbox_parked', '多次发布失败后被搁置、等待人工处理的 outbox 记录数', (r) => r.outboxParked);
    gauge('fuyi_milestones_pending_due', '已到期但尚未发出的提醒节点数（clock_milestones）', (r) => r.milestonesPendingDue);
    new Gauge({
      name: 'fuyi_deliveries', help: '各状态的通知投递数（pending 待投递，delivered 已投递，dead 最终失败）', labelNames: ['status'], registers,
      async collect() {
        const r = await db();
        this.reset();
        for (const [status, n] of Object.entries(r?.deliveries ?? {})) this.set({ status }, n);
      },
    });
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  /** One reading per scrape: the collectors run together and share it, as do scrapes that overlap. */
  private read(): Promise<Readings> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(): Promise<Readings> {
    const [db, queues] = await Promise.all([
      readDatabase(this.uow).catch((e: Error) => this.failed('postgres', e)),
      readQueues(this.queues).catch((e: Error) => this.failed('redis', e)),
    ]);
    return { db, queues };
  }

  private failed(source: string, e: Error): null {
    this.logger.warn({ source, err: { name: e.name, message: e.message } }, 'metrics source unavailable');
    return null;
  }
}
