import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { CaseTimeline } from '@fuyi/cases';

/** Liaison steps about a case appear on its timeline, so the case links to its letters and lawsuits. */
export async function addCaseEvent(m: EntityManager, actor: Actor, caseId: string, type: string, data: Record<string, unknown>): Promise<void> {
  await CaseTimeline.append(m, { caseId, type, actorId: actor.userId, data });
}
