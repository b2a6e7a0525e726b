import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { QueueName } from './job-catalogue';
import type { OutboxRow } from '../outbox/outbox-relay';

/** Owns one BullMQ Queue per catalogue queue name; the only code that adds jobs (for the outbox relay). */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(connection: Redis, prefix: string) {
    for (const name of Object.values(QueueName)) {
      this.queues.set(name, new Queue(name, { connection, prefix, defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 2000 } } }));
    }
  }

  get(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  /** jobId = outbox id: publishing the same row twice (after a crash) adds one job. */
  async publishOutbox(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<string, OutboxRow[]>();
    for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
    for (const [queue, items] of byQueue) {
      await this.get(queue as QueueName).addBulk(items.map((r) => ({ name: r.job_name, data: r.payload, opts: { jobId: `outbox-${r.id}` } })));
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
