import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_QUEUE, type JobItem } from '../queue/job-catalogue';
import * as Outbox from './outbox.store';

/** Domain code records the jobs it wants here, in its own transaction; the worker's relay publishes them. */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, job: JobItem): Promise<void> {
    await Outbox.insertJob(manager, JOB_QUEUE[job.name], job.name, job.data);
  }

  /** Many jobs in one statement (a reminder scan may publish thousands). */
  async addMany(manager: EntityManager, jobs: JobItem[]): Promise<void> {
    if (!jobs.length) return;
    await Outbox.insertJobs(
      manager,
      jobs.map((j) => JOB_QUEUE[j.name]),
      jobs.map((j) => j.name),
      jobs.map((j) => JSON.stringify(j.data)),
    );
  }
}
