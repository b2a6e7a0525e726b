import { conditionalUpdate, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import { DomainError } from '@fuyi/kernel';

/** Mediation sessions and private notes (mediation_sessions), typed through the generated schema (issue 19 item 2). */

export type Participant = { name: string; role: string };
export type Attendance = { name: string; present: boolean };

/** A stored session (`SELECT *`), its jsonb columns as the mediation library writes them. */
export type SessionRow = Omit<Row<'mediation_sessions'>, 'participants' | 'attendance'> & {
  participants: Participant[];
  attendance: Attendance[] | null;
};

export async function insertSession(
  m: SqlRunner,
  s: { fileId: string; kind: string; mode: string; place: string; scheduledAt: string; participants: Participant[]; createdBy: string },
): Promise<SessionRow> {
  const [row] = await rawRows<SessionRow>(
    m,
    `INSERT INTO mediation_sessions (file_id, kind, mode, place, scheduled_at, participants, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
    [s.fileId, s.kind, s.mode, s.place, s.scheduledAt, JSON.stringify(s.participants), s.createdBy],
  );
  return row;
}

/** A private 背对背 note: a private session held now (the database's now()), its text as minutes. */
export async function insertPrivateNote(
  m: SqlRunner,
  n: { fileId: string; participants: Participant[]; text: string; createdBy: string },
): Promise<SessionRow> {
  const [row] = await rawRows<SessionRow>(
    m,
    `INSERT INTO mediation_sessions (file_id, kind, mode, place, scheduled_at, participants, minutes, status, created_by)
       VALUES ($1, 'private', 'in_person', '背对背', now(), $2, $3, 'held', $4) RETURNING *`,
    [n.fileId, JSON.stringify(n.participants), n.text, n.createdBy],
  );
  return row;
}

/** A session of the file, locked (FOR UPDATE): its version and time. */
export async function lockSession(
  m: SqlRunner,
  sessionId: string,
  fileId: string,
): Promise<RowOf<'mediation_sessions', 'version' | 'scheduled_at'> | undefined> {
  const [cur] = await rawRows<RowOf<'mediation_sessions', 'version' | 'scheduled_at'>>(
    m,
    'SELECT version, scheduled_at FROM mediation_sessions WHERE id = $1 AND file_id = $2 FOR UPDATE',
    [sessionId, fileId],
  );
  return cur;
}

/**
 * Attendance and minutes of a session held, at the version the caller read (a correction is a new version of the
 * row); refused with `refuse` when the version moved or the session is not the file's.
 */
export function recordSessionMinutes(
  m: SqlRunner,
  s: { sessionId: string; fileId: string; version: number; attendance: Attendance[]; minutes: string },
  refuse: (current: number) => DomainError,
): Promise<SessionRow> {
  const gone = () => new DomainError('MEDIATION_SESSION_NOT_FOUND', '调解会议不存在', 'not_found');
  return conditionalUpdate<SessionRow>(
    m,
    {
      table: 'mediation_sessions',
      id: s.sessionId,
      expectedVersion: s.version,
      set: { attendance: s.attendance, minutes: s.minutes, status: 'held' },
      scope: (first) => ({ sql: `AND file_id = $${first}`, params: [s.fileId] }),
      returning: '*',
      touch: false,
    },
    { notFound: gone, versionConflict: (_expected, current) => refuse(current), wrongState: gone },
  );
}

/** A file's sessions by time; private ones only with `withPrivate`. */
export function sessionsOf(m: SqlRunner, fileId: string, withPrivate: boolean): Promise<SessionRow[]> {
  return rawRows<SessionRow>(
    m,
    `SELECT * FROM mediation_sessions WHERE file_id = $1 AND ($2 OR kind = 'joint') ORDER BY scheduled_at, id`,
    [fileId, withPrivate],
  );
}

/** A joint session of the file that was held, or undefined. */
export async function heldJointSession(m: SqlRunner, sessionId: string, fileId: string): Promise<SessionRow | undefined> {
  const [s] = await rawRows<SessionRow>(
    m,
    `SELECT * FROM mediation_sessions WHERE id = $1 AND file_id = $2 AND kind = 'joint' AND status = 'held'`,
    [sessionId, fileId],
  );
  return s;
}
