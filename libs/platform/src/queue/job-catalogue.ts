/**
 * The one typed job catalogue shared by producers (through the outbox) and consumers (the worker).
 * Queue names are frozen once released: renaming one strands the jobs already in Redis.
 */
export enum QueueName {
  System = 'system',
  Cases = 'cases',
  Reminders = 'reminders',
  Notifications = 'notifications',
}

export enum JobName {
  Heartbeat = 'system.heartbeat',
  RetentionPurge = 'system.retention-purge',
  StatisticsCompact = 'system.statistics-compact',
  FilesSweep = 'system.files-sweep',
  CaseRegistered = 'cases.registered',
  CaseReviewed = 'cases.reviewed',
  ConsultationRecorded = 'cases.consultation-recorded',
  GroupDisputesDetect = 'cases.group-disputes-detect',
  RemindersScan = 'reminders.scan',
  DeadlineEffect = 'reminders.deadline-effect',
  LiaisonScan = 'reminders.liaison-scan',
  MediationDueScan = 'reminders.mediation-due-scan',
  NotificationDeliver = 'notifications.deliver',
  NotificationsDigest = 'notifications.digest',
  NotificationsSweep = 'notifications.sweep',
}

/** Legal effects a lapsed clock causes (issue: reminders; ARL 30, 31, 41, 70). */
export type DeadlineEffect = 'deemed-accepted' | 'correction-lapsed' | 'suspension-cap-reached' | 'reply-missed';

/** Payloads carry ids only, never personal data. */
export type JobItem =
  | { name: JobName.Heartbeat; data: Record<string, never> }
  | { name: JobName.RetentionPurge; data: Record<string, never> }
  | { name: JobName.StatisticsCompact; data: Record<string, never> }
  | { name: JobName.FilesSweep; data: Record<string, never> }
  | { name: JobName.CaseRegistered; data: { caseId: string } }
  | { name: JobName.CaseReviewed; data: { caseId: string; outcome: string } }
  | { name: JobName.ConsultationRecorded; data: { consultationId: string } }
  | { name: JobName.GroupDisputesDetect; data: Record<string, never> }
  | { name: JobName.RemindersScan; data: Record<string, never> }
  | { name: JobName.DeadlineEffect; data: { clockId: string; effect: DeadlineEffect } }
  | { name: JobName.LiaisonScan; data: Record<string, never> }
  | { name: JobName.MediationDueScan; data: Record<string, never> }
  | { name: JobName.NotificationDeliver; data: { deliveryId: string } }
  | { name: JobName.NotificationsDigest; data: Record<string, never> }
  | { name: JobName.NotificationsSweep; data: Record<string, never> };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.RetentionPurge]: QueueName.System,
  [JobName.StatisticsCompact]: QueueName.System,
  [JobName.FilesSweep]: QueueName.System,
  [JobName.CaseRegistered]: QueueName.Cases,
  [JobName.CaseReviewed]: QueueName.Cases,
  [JobName.ConsultationRecorded]: QueueName.Cases,
  [JobName.GroupDisputesDetect]: QueueName.Cases,
  [JobName.RemindersScan]: QueueName.Reminders,
  [JobName.DeadlineEffect]: QueueName.Reminders,
  [JobName.LiaisonScan]: QueueName.Reminders,
  [JobName.MediationDueScan]: QueueName.Reminders,
  [JobName.NotificationDeliver]: QueueName.Notifications,
  [JobName.NotificationsDigest]: QueueName.Notifications,
  [JobName.NotificationsSweep]: QueueName.Notifications,
};
