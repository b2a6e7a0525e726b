import type { EntityManager } from 'typeorm';
import { DISTRICT_CASE_ROLES, Role, type Actor } from '@fuyi/kernel';
import { AuditService, conditionalUpdate, type SqlRunner } from '@fuyi/platform';
import { COUNTER_MEDIATION_DOCUMENT_TYPES } from '@fuyi/cases';
import { MediationErrors } from '../domain/mediation-errors';
import { MediationAction, MediationState, nextMediationState, type MediationPerformer } from '../domain/mediation-state';
import { mediatorStanding } from '../stores/assignments.store';
import { visibleFile, type FileRow } from '../stores/files.store';
import { caseOfConsultation } from '../stores/references.store';

export type { FileRow };
type Db = SqlRunner;

/**
 * Which files an actor may see (domain.md §2), as a SQL condition on alias `f`, parameters from `first`:
 * a coordinator and the office head all; a mediator the files assigned to them plus the unassigned pool;
 * reconsideration roles and liaison the files linked to a case (and those they referred); a township clerk the files it
 * referred and the pre-filing files of its township.
 */
export function fileScope(actor: Actor, first: number): { sql: string; params: unknown[] } {
  const mine = `EXISTS (SELECT 1 FROM mediation_assignments a WHERE a.file_id = f.id AND a.mediator_id = $${first} AND a.ended_at IS NULL)`;
  switch (actor.role) {
    case Role.OfficeHead:
      return { sql: 'true', params: [] };
    case Role.Mediator:
      return {
        sql: `(${mine} OR f.state = 'referred' OR EXISTS (SELECT 1 FROM mediator_profiles p WHERE p.user_id = $${first} AND p.is_coordinator))`,
        params: [actor.userId],
      };
    case Role.ReconsiderationClerk:
    case Role.SectionChief:
      return { sql: `(f.case_id IS NOT NULL OR f.created_by = $${first})`, params: [actor.userId] };
    case Role.LiaisonOfficer:
      return { sql: 'f.case_id IS NOT NULL', params: [] };
    case Role.TownshipClerk:
      // Only what the counter referred (or pre-filing files of its township): never another office's accepted-case files.
      return {
        sql: `(f.created_by = $${first} OR (f.source = 'intake' AND f.township_id = $${first + 1}))`,
        params: [actor.userId, actor.townshipId ?? -1],
      };
    default:
      return { sql: 'false', params: [] };
  }
}

/** Loads a file the actor may see (404 otherwise, so existence does not leak), locked for the transaction. */
export async function loadVisibleFile(m: Db, actor: Actor, fileId: string, lock = false): Promise<FileRow> {
  const scope = fileScope(actor, 2);
  const f = await visibleFile(m, fileId, scope, lock);
  if (!f) throw MediationErrors.notFound();
  return f;
}

/**
 * A township clerk sees a file's referral, not its work: no sessions (joint minutes included) and no documents other
 * than the referral form.
 */
export const seesMediationWork = (actor: Actor): boolean => actor.role !== Role.TownshipClerk;
export const COUNTER_DOCUMENT_TYPES: readonly string[] = COUNTER_MEDIATION_DOCUMENT_TYPES; // one rule with the case routes (libs/cases)

/**
 * A pre-filing file whose applicant filed an application afterwards (the consultation got a case): the case it now
 * belongs to, so that outcomes take the case path. Null when the file already has its link or none exists.
 */
export async function filedCaseOf(m: Db, file: Pick<FileRow, 'case_id' | 'source' | 'consultation_id'>): Promise<string | null> {
  if (file.case_id || file.source !== 'intake' || !file.consultation_id) return null;
  return caseOfConsultation(m, file.consultation_id);
}

/** The capacities in which the actor acts on this file (see MediationPerformer). */
export async function capacitiesOf(m: Db, actor: Actor, fileId: string): Promise<MediationPerformer[]> {
  const caps: MediationPerformer[] = [];
  if (actor.role === Role.OfficeHead) caps.push('office_head');
  if (DISTRICT_CASE_ROLES.includes(actor.role)) caps.push('district');
  if (actor.role === Role.Mediator) {
    const r = await mediatorStanding(m, actor.userId, fileId);
    if (r.coordinator) caps.push('coordinator');
    if (r.on_file) caps.push('file_mediator');
  }
  return caps;
}

const SETTABLE = new Set(['taken_on', 'mediation_due', 'extension_days', 'case_suspended_from', 'outcome', 'outcome_on', 'outcome_detail', 'follow_up', 'warnings', 'case_id']);

export interface FileMove {
  fileId: string;
  version: number;
  action: MediationAction;
  set?: Record<string, unknown>;
  summary?: Record<string, unknown>;
}

/** A request made on an older version is a conflict (409), checked before the input's own rules (400). */
export function checkVersion(file: Pick<FileRow, 'version'>, version: number): void {
  if (file.version !== version) throw MediationErrors.versionConflict(version, file.version);
}

/**
 * One step on a file: decide with the pure state machine, then UPDATE … WHERE version = expected AND state = current
 * (0 rows = 409), plus the audit row, in the caller's transaction. The file must already be loaded (visibility).
 */
export async function moveFile(m: EntityManager, audit: AuditService, actor: Actor, file: FileRow, req: FileMove): Promise<{ fileId: string; state: MediationState; version: number }> {
  const to = nextMediationState(file.state, req.action, await capacitiesOf(m, actor, file.id));
  if (file.version !== req.version) throw MediationErrors.versionConflict(req.version, file.version);
  for (const col of Object.keys(req.set ?? {})) if (!SETTABLE.has(col)) throw new Error(`column ${col} is not settable on a mediation file`);
  // The version was checked on the loaded row: a refused UPDATE means someone else got there first (409).
  const conflict = (): never => {
    throw MediationErrors.versionConflict(req.version, -1);
  };
  const updated = await conditionalUpdate<{ version: number }>(
    m,
    { table: 'mediation_files', id: file.id, expectedVersion: req.version, inStates: [file.state], set: { state: to, ...req.set } },
    { notFound: conflict, versionConflict: conflict, wrongState: conflict },
  );
  await audit.record(m, {
    action: `mediation.${req.action}`, subjectType: 'mediation', subjectId: file.id, actor,
    summary: { from: file.state, to, version: updated.version, ...(req.summary ?? {}) },
  });
  return { fileId: file.id, state: to, version: updated.version };
}
