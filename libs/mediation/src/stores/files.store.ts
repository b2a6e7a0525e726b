import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { MediationState } from '../domain/mediation-state';
import type { FileWarning } from '../domain/warnings';

/**
 * Mediation files (mediation_files), typed through the generated schema (issue 19 item 2). Every function runs in the
 * caller's transaction (`m`); the locking ones need one. A file's state moves only through moveFile (file-access.ts,
 * the platform's conditionalUpdate). `scope` is a visibility condition on alias `f` (fileScope in file-access.ts).
 */

/** A stored file (`SELECT f.*`), its jsonb columns as the mediation library writes them. */
export type FileRow = Omit<Row<'mediation_files'>, 'state' | 'warnings' | 'outcome_detail' | 'follow_up'> & {
  state: MediationState;
  warnings: FileWarning[];
  outcome_detail: Record<string, unknown> | null;
  follow_up: Record<string, unknown> | null;
};

export type FileScope = { sql: string; params: unknown[] };

/** The file if the scope lets it be seen (`scope` numbered from $2); `lock` takes its row lock (FOR UPDATE OF f). */
export async function visibleFile(m: SqlRunner, fileId: string, scope: FileScope, lock: boolean): Promise<FileRow | undefined> {
  const [f] = await rawRows<FileRow>(
    m,
    `SELECT f.* FROM mediation_files f WHERE f.id = $1 AND ${scope.sql}${lock ? ' FOR UPDATE OF f' : ''}`,
    [fileId, ...scope.params],
  );
  return f;
}

/** An open (not closed or failed) file of a case, if any. */
export async function openFileOfCase(m: SqlRunner, caseId: string): Promise<RowOf<'mediation_files', 'id'> | undefined> {
  const [open] = await rawRows<RowOf<'mediation_files', 'id'>>(
    m,
    `SELECT id FROM mediation_files WHERE case_id = $1 AND state NOT IN ('closed', 'failed')`,
    [caseId],
  );
  return open;
}

/** The newest file of a consultation that is still open or resolved the dispute (closed with one of `resolving`). */
export async function blockingFileOfConsultation(
  m: SqlRunner,
  consultationId: string,
  resolving: readonly string[],
): Promise<RowOf<'mediation_files', 'id' | 'state' | 'outcome'> | undefined> {
  const [prior] = await rawRows<RowOf<'mediation_files', 'id' | 'state' | 'outcome'>>(
    m,
    `SELECT id, state, outcome FROM mediation_files WHERE consultation_id = $1 AND (state NOT IN ('closed', 'failed') OR (state = 'closed' AND outcome = ANY($2)))
        ORDER BY created_at DESC LIMIT 1`,
    [consultationId, [...resolving]],
  );
  return prior;
}

export interface NewFile {
  state: MediationState;
  source: string;
  category: string;
  townshipId: number | null;
  respondentDepartmentId: number | null;
  consultationId: string | null;
  caseId: string | null;
  courtReference: string | null;
  applicantWants: string;
  actKnownDate: string | null;
  applicationDue: string | null;
  caseSuspendedFrom: string | null;
  warnings: FileWarning[];
  createdBy: string;
}

/** A new file; its id, version and state. */
export async function insertFile(
  m: SqlRunner,
  f: NewFile,
): Promise<RowOf<'mediation_files', 'id' | 'version'> & { state: MediationState }> {
  const [file] = await rawRows<RowOf<'mediation_files', 'id' | 'version'> & { state: MediationState }>(
    m,
    `INSERT INTO mediation_files (state, source, category, township_id, respondent_department_id, consultation_id, case_id, court_reference,
         applicant_wants, act_known_date, application_due, case_suspended_from, warnings, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id, version, state`,
    [
      f.state,
      f.source,
      f.category,
      f.townshipId,
      f.respondentDepartmentId,
      f.consultationId,
      f.caseId,
      f.courtReference,
      f.applicantWants,
      f.actKnownDate,
      f.applicationDue,
      f.caseSuspendedFrom,
      JSON.stringify(f.warnings),
      f.createdBy,
    ],
  );
  return file;
}

/** What a file's documents print besides its parties. */
export async function fileDocumentFacts(
  m: SqlRunner,
  fileId: string,
): Promise<RowOf<'mediation_files', 'applicant_wants' | 'court_reference'>> {
  const [w] = await rawRows<RowOf<'mediation_files', 'applicant_wants' | 'court_reference'>>(
    m,
    'SELECT applicant_wants, court_reference FROM mediation_files WHERE id = $1',
    [fileId],
  );
  return w;
}

export type DueFacts = RowOf<
  'mediation_files',
  'id' | 'case_id' | 'taken_on' | 'extension_days' | 'mediation_due' | 'act_known_date' | 'application_due'
>;

/**
 * Locks the open files (referred, assigned, in progress) whose mediation time limit or ARL 20 period spans from..to
 * (FOR UPDATE, id order).
 */
export function lockOpenFilesDueWithin(m: SqlRunner, range: { from: string; to: string }): Promise<DueFacts[]> {
  return rawRows<DueFacts>(
    m,
    `SELECT id, case_id, taken_on, extension_days, mediation_due, act_known_date, application_due FROM mediation_files
          WHERE state IN ('referred', 'assigned', 'in_progress')
            AND ((taken_on <= $2 AND mediation_due >= $1) OR (act_known_date <= $2 AND application_due >= $1))
          ORDER BY id FOR UPDATE`,
    [range.from, range.to],
  );
}

/** Writes recomputed due dates in one statement (a calendar change; not a step on the file: no version bump). */
export async function writeRecomputedDues(
  m: SqlRunner,
  moved: ReadonlyArray<{ id: string; mediationDue: string | null; applicationDue: string | null }>,
): Promise<void> {
  await rawExec(
    m,
    `UPDATE mediation_files f SET mediation_due = u.md, application_due = u.ad
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS u(id, md, ad) WHERE f.id = u.id`,
    [moved.map((x) => x.id), moved.map((x) => x.mediationDue), moved.map((x) => x.applicationDue)],
  );
}

/** A file a due notice is sent for: the day it names. */
export type NoticedFile = RowOf<'mediation_files', 'id' | 'case_id'> & { due: string };

const OPEN = `('referred', 'assigned', 'in_progress')`;
/** Open pre-filing files whose applicant has not filed yet (ARL 20 still runs). */
const NOT_FILED = `f.source = 'intake' AND f.case_id IS NULL AND f.state IN ${OPEN} AND f.application_due IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM consultations co WHERE co.id = f.consultation_id AND co.case_id IS NOT NULL)`;

/** Files in progress whose time limit ends between today and soon, not yet warned for that due date: marks them warned. */
export function markMediationDueSoon(m: SqlRunner, today: string, soon: string): Promise<NoticedFile[]> {
  return rawRows<NoticedFile>(
    m,
    `UPDATE mediation_files SET due_warned_for = mediation_due
          WHERE state = 'in_progress' AND mediation_due BETWEEN $1 AND $2 AND due_warned_for IS DISTINCT FROM mediation_due
          RETURNING id, mediation_due AS due, case_id`,
    [today, soon],
  );
}

/** Files in progress whose time limit has passed, not yet told for that due date: marks them told. */
export function markMediationOverdue(m: SqlRunner, today: string): Promise<NoticedFile[]> {
  return rawRows<NoticedFile>(
    m,
    `UPDATE mediation_files SET overdue_warned_for = mediation_due
          WHERE state = 'in_progress' AND mediation_due < $1 AND overdue_warned_for IS DISTINCT FROM mediation_due
          RETURNING id, mediation_due AS due, case_id`,
    [today],
  );
}

/** Open in-window referrals whose case was (deemed) accepted, not yet told: marks them told today. */
export function markCaseAcceptedNoticed(m: SqlRunner, today: string): Promise<NoticedFile[]> {
  return rawRows<NoticedFile>(
    m,
    `UPDATE mediation_files f SET case_accepted_noticed_on = $1
          WHERE f.source = 'window' AND f.state IN ${OPEN} AND f.case_accepted_noticed_on IS NULL AND f.case_suspended_from IS NULL
            AND EXISTS (SELECT 1 FROM cases c WHERE c.id = f.case_id AND c.state = 'accepted')
          RETURNING f.id, $1::date::text AS due, f.case_id`,
    [today],
  );
}

/** Not-filed pre-filing files whose ARL 20 deadline is after today and by soon, not yet told: marks them told today. */
export function markApplicationDueSoon(m: SqlRunner, today: string, soon: string): Promise<NoticedFile[]> {
  return rawRows<NoticedFile>(
    m,
    `UPDATE mediation_files f SET application_soon_noticed_on = $1
        WHERE ${NOT_FILED} AND f.application_due > $1 AND f.application_due <= $2 AND f.application_soon_noticed_on IS NULL
        RETURNING f.id, f.application_due AS due, f.case_id`,
    [today, soon],
  );
}

/** Not-filed pre-filing files whose ARL 20 deadline is today or past, not yet told: marks them told today. */
export function markApplicationDueReached(m: SqlRunner, today: string): Promise<NoticedFile[]> {
  return rawRows<NoticedFile>(
    m,
    `UPDATE mediation_files f SET application_due_noticed_on = $1
        WHERE ${NOT_FILED} AND f.application_due <= $1 AND f.application_due_noticed_on IS NULL
        RETURNING f.id, f.application_due AS due, f.case_id`,
    [today],
  );
}

/** How many files wait in the unassigned pool. */
export async function unassignedPoolSize(m: SqlRunner): Promise<number> {
  const [{ n }] = await rawRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM mediation_files WHERE state = 'referred'`);
  return n;
}
