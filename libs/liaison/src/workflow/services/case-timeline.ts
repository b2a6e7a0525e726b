import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';

/** Liaison steps about a case appear on its timeline, so the case links to its letters and lawsuits. */
export async function addCaseEvent(m: EntityManager, actor: Actor, caseId: string, type: string, data: Record<string, unknown>): Promise<void> {
  await m.query('INSERT INTO case_events (case_id, type, actor_id, data) VALUES ($1, $2, $3, $4)', [caseId, type, actor.userId, data]);
}
