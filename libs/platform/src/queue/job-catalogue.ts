/**
 * The one typed job catalogue shared by producers (through the outbox) and consumers (the worker).
 * Queue names are frozen once released: renaming one strands the jobs already in Redis.
 */
export enum QueueName {
  System = 'system',
  Cases = 'cases',
}

export enum JobName {
  Heartbeat = 'system.heartbeat',
  CaseRegistered = 'cases.registered',
  CaseReviewed = 'cases.reviewed',
}

/** Payloads carry ids only, never personal data. */
export type JobItem =
  | { name: JobName.Heartbeat; data: Record<string, never> }
  | { name: JobName.CaseRegistered; data: { caseId: string } }
  | { name: JobName.CaseReviewed; data: { caseId: string; outcome: string } };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.CaseRegistered]: QueueName.Cases,
  [JobName.CaseReviewed]: QueueName.Cases,
};
