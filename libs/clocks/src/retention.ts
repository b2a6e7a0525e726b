import type { DataSource } from 'typeorm';
import { purgeInBatches } from '@fuyi/platform';

/**
 * History of the reminder machinery older than `days` (issue 15 item 6), children before parents: in-app notifications
 * with no delivery left, then reminders no notification points to, then fired or cancelled milestones no reminder points
 * to. Pending milestones, running clocks and the clocks themselves (a case's record) are never touched.
 */
export async function purgeReminderHistory(ds: DataSource, days: number): Promise<Record<string, number>> {
  const old = `make_interval(days => $1)`;
  return {
    notifications: await purgeInBatches(ds, 'notifications',
      `created_at < now() - ${old} AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = notifications.id)`, [days]),
    reminders: await purgeInBatches(ds, 'reminders',
      `fired_at < now() - ${old} AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.reminder_id = reminders.id)`, [days]),
    milestones: await purgeInBatches(ds, 'clock_milestones',
      `status <> 'pending' AND fire_at < now() - ${old} AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.milestone_id = clock_milestones.id)`, [days]),
  };
}
