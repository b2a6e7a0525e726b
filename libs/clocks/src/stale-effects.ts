import type { EntityManager } from 'typeorm';
import type { DeadlineEffect } from '@fuyi/platform';
import { lockStaleFiredEffects } from './stores/reminders.store';

/**
 * Deadline effects recorded (fired) a while ago whose clock still runs at the version they fired for: their job was
 * lost (e.g. Redis lost everything) and must be published again. Locked, so two sweeping workers split the work.
 */
export async function staleDeadlineEffects(m: EntityManager, staleSeconds: number, limit = 1000): Promise<Array<{ clockId: string; effect: DeadlineEffect }>> {
  const rows = await lockStaleFiredEffects(m, staleSeconds, limit);
  return rows.map((r) => ({ clockId: r.clock_id, effect: r.effect.replace('effect-', '') as DeadlineEffect }));
}
