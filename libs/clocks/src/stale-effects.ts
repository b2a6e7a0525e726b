import type { EntityManager } from 'typeorm';
import type { DeadlineEffect } from '@fuyi/platform';

/**
 * Deadline effects recorded (fired) a while ago whose clock still runs at the version they fired for: their job was
 * lost (e.g. Redis lost everything) and must be published again. Locked, so two sweeping workers split the work.
 */
export async function staleDeadlineEffects(m: EntityManager, staleSeconds: number, limit = 1000): Promise<Array<{ clockId: string; effect: DeadlineEffect }>> {
  const rows: Array<{ clock_id: string; effect: string }> = await m.query(
    `SELECT r.clock_id, r.milestone_key AS effect FROM reminders r
       JOIN case_clocks k ON k.id = r.clock_id AND k.status = 'running' AND k.version = r.clock_version
      WHERE r.kind = 'effect' AND r.fired_at < now() - make_interval(secs => $1) ORDER BY r.fired_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
    [staleSeconds, limit],
  );
  return rows.map((r) => ({ clockId: r.clock_id, effect: r.effect.replace('effect-', '') as DeadlineEffect }));
}
