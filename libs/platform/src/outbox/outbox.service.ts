import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_QUEUE, type JobItem } from '../queue/job-catalogue';

/** Domain code records the jobs it wants here, in its own transaction; the worker's relay publishes them. */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, job: JobItem): Promise<void> {
    await manager.query('INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)', [
      JOB_QUEUE[job.name],
      job.name,
      job.data,
    ]);
  }

  /** Many jobs in one statement (a reminder scan may publish thousands). */
  async addMany(manager: EntityManager, jobs: JobItem[]): Promise<void> {
    if (!jobs.length) return;
    await manager.query(
      `INSERT INTO outbox (queue, job_name, payload) SELECT q, n, p FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS t(q, n, p)`,
      [jobs.map((j) => JOB_QUEUE[j.name]), jobs.map((j) => j.name), jobs.map((j) => JSON.stringify(j.data))],
    );
  }
}
