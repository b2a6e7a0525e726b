import type { EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@fuyi/kernel';
import { AuditService, execSql } from '@fuyi/platform';
import { CASE_STATE_LABELS, type CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { caseScopeOf, scopeClause } from '../queries/case-scope';

export interface EditedCase {
  id: string;
  case_number: string;
  state: CaseState;
  version: number;
  procedure: string | null;
  accepted_on: string | null;
  decision: Record<string, any> | null;
}

/**
 * A recorded step that does not change the stage (copy sent, reply received, extension, service…): the same
 * optimistic check as a transition — UPDATE … WHERE version = expected AND state IN allowed — plus timeline and audit.
 */
export async function editCase(
  m: EntityManager,
  audit: AuditService,
  req: { caseId: string; expectedVersion: number; actor: Actor; allowed: readonly CaseState[]; event: string; data: Record<string, unknown>; what: string },
): Promise<EditedCase> {
  const scope = scopeClause(caseScopeOf(req.actor), 4);
  const { rows } = await execSql<EditedCase>(
    m,
    `UPDATE cases c SET version = version + 1, updated_at = now()
      WHERE c.id = $1 AND c.version = $2 AND c.state = ANY($3::text[]) ${scope.sql}
      RETURNING id, case_number, state, version, procedure, accepted_on, decision`,
    [req.caseId, req.expectedVersion, req.allowed, ...scope.params],
  );
  if (!rows.length) {
    const scope2 = scopeClause(caseScopeOf(req.actor), 2);
    const [c] = await m.query(`SELECT state, version FROM cases c WHERE c.id = $1 ${scope2.sql}`, [req.caseId, ...scope2.params]);
    if (!c) throw CaseErrors.notFound();
    if (c.version !== req.expectedVersion) throw CaseErrors.versionConflict(req.expectedVersion, c.version);
    throw new DomainError('CASE_ILLEGAL_TRANSITION', `案件当前状态为"${CASE_STATE_LABELS[c.state as CaseState]}"，不能${req.what}`, 'conflict', { state: c.state });
  }
  await m.query('INSERT INTO case_events (case_id, type, actor_id, data) VALUES ($1, $2, $3, $4)', [req.caseId, req.event, req.actor.userId, req.data]);
  await audit.record(m, { action: `case.${req.event}`, subjectType: 'case', subjectId: req.caseId, summary: { ...req.data, version: rows[0].version } });
  return rows[0];
}
