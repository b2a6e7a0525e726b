import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Who mediates a file (mediation_assignments: current while ended_at is null), typed through the generated schema
 * (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

/** The mediators currently on a file. */
export async function currentMediatorIds(m: SqlRunner, fileId: string): Promise<string[]> {
  const rows = await rawRows<RowOf<'mediation_assignments', 'mediator_id'>>(
    m,
    'SELECT mediator_id FROM mediation_assignments WHERE file_id = $1 AND ended_at IS NULL',
    [fileId],
  );
  return rows.map((r) => r.mediator_id);
}

export async function insertAssignment(m: SqlRunner, fileId: string, mediatorId: string, assignedBy: string): Promise<void> {
  await rawExec(m, 'INSERT INTO mediation_assignments (file_id, mediator_id, assigned_by) VALUES ($1, $2, $3)', [
    fileId,
    mediatorId,
    assignedBy,
  ]);
}

/** A party's objection: the mediator's current assignment ends now (the database's now()), the objection kept. */
export async function endAssignmentByObjection(
  m: SqlRunner,
  fileId: string,
  mediatorId: string,
  objection: { partyRole: string; reason: string },
): Promise<void> {
  await rawExec(
    m,
    `UPDATE mediation_assignments SET ended_at = now(), end_reason = 'objection', objection = $3::jsonb
        WHERE file_id = $1 AND mediator_id = $2 AND ended_at IS NULL`,
    [fileId, mediatorId, JSON.stringify(objection)],
  );
}

/** A mediator as a candidate for a file: skills and conflicts, open files, and whether a party objected to them on it. */
export type CandidateRow = RowOf<'users', 'display_name'> & {
  user_id: Row<'users'>['id'];
  skills: string[];
  conflict_department_ids: number[];
  conflict_department_names: string[];
  conflict_party_indexes: string[];
  conflict_party_names: string[];
  open_files: number;
  objected: boolean;
};

/** The active mediators with a profile, by display name, as candidates for the file. */
export function candidatesFor(m: SqlRunner, fileId: string): Promise<CandidateRow[]> {
  return rawRows<CandidateRow>(
    m,
    `SELECT u.id AS user_id, u.display_name, p.skills, p.conflict_department_ids, p.conflict_party_indexes, p.conflict_party_names,
              ARRAY(SELECT d.name FROM departments d WHERE d.id IN (SELECT jsonb_array_elements_text(p.conflict_department_ids)::int)) AS conflict_department_names,
              (SELECT count(*)::int FROM mediation_assignments a JOIN mediation_files f ON f.id = a.file_id
                WHERE a.mediator_id = u.id AND a.ended_at IS NULL AND f.state IN ('assigned', 'in_progress', 'agreed', 'withdrawal_pending')) AS open_files,
              EXISTS (SELECT 1 FROM mediation_assignments a WHERE a.file_id = $1 AND a.mediator_id = u.id AND a.end_reason = 'objection') AS objected
         FROM users u JOIN mediator_profiles p ON p.user_id = u.id
        WHERE u.active AND u.role = 'mediator' ORDER BY u.display_name`,
    [fileId],
  );
}

/** Whether the user coordinates and whether they are currently on the file. */
export async function mediatorStanding(
  m: SqlRunner,
  userId: string,
  fileId: string,
): Promise<{ coordinator: boolean | null; on_file: boolean }> {
  const [r] = await rawRows<{ coordinator: Row<'mediator_profiles'>['is_coordinator'] | null; on_file: boolean }>(
    m,
    `SELECT (SELECT is_coordinator FROM mediator_profiles WHERE user_id = $1) AS coordinator,
              EXISTS (SELECT 1 FROM mediation_assignments WHERE file_id = $2 AND mediator_id = $1 AND ended_at IS NULL) AS on_file`,
    [userId, fileId],
  );
  return r;
}

/** The display names of the mediators currently on a file, in the order they were assigned. */
export async function currentMediatorNames(m: SqlRunner, fileId: string): Promise<string[]> {
  const rows = await rawRows<RowOf<'users', 'display_name'>>(
    m,
    `SELECT u.display_name FROM mediation_assignments a JOIN users u ON u.id = a.mediator_id WHERE a.file_id = $1 AND a.ended_at IS NULL ORDER BY a.assigned_at`,
    [fileId],
  );
  return rows.map((r) => r.display_name);
}

export type AssignmentHistoryRow = RowOf<'mediation_assignments', 'mediator_id' | 'assigned_at' | 'ended_at' | 'end_reason' | 'objection'> &
  RowOf<'users', 'display_name'>;

/** Every assignment of a file, current and ended, in the order made. */
export function assignmentsOf(m: SqlRunner, fileId: string): Promise<AssignmentHistoryRow[]> {
  return rawRows<AssignmentHistoryRow>(
    m,
    `SELECT a.mediator_id, u.display_name, a.assigned_at, a.ended_at, a.end_reason, a.objection FROM mediation_assignments a
         JOIN users u ON u.id = a.mediator_id WHERE a.file_id = $1 ORDER BY a.assigned_at`,
    [fileId],
  );
}

/** Who hears of a file: the mediators currently on it and, with `referrer`, whoever created it. */
export async function fileAudience(m: SqlRunner, fileId: string, referrer: boolean): Promise<string[]> {
  const rows = await rawRows<{ id: Row<'users'>['id'] }>(
    m,
    `SELECT a.mediator_id AS id FROM mediation_assignments a WHERE a.file_id = $1 AND a.ended_at IS NULL
     UNION SELECT f.created_by FROM mediation_files f WHERE f.id = $1 AND $2`,
    [fileId, referrer],
  );
  return rows.map((r) => r.id);
}
