import { rawExec, rawRows, type RowOf, type SqlRunner } from '../../database/typed-sql';

/** sessions (one per sign-in: the refresh token's hash and the ones rotated away), typed (issue 19 item 2). */

/** Read with the user (alias `u`) on every request: a policy change or a confirmation acts at once. */
export const TOTP_ENROLMENT_REQUIRED = `(u.totp_confirmed_at IS NULL AND EXISTS (SELECT 1 FROM totp_required_roles r WHERE r.role = u.role)) AS totp_enrolment_required`;

/** A new session for `ttlSeconds` (by the database's clock); its id. */
export async function openSession(m: SqlRunner, userId: string, refreshHash: string, ttlSeconds: number): Promise<string> {
  const [session] = await rawRows<RowOf<'sessions', 'id'>>(
    m,
    `INSERT INTO sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
    [userId, refreshHash, ttlSeconds],
  );
  return session!.id;
}

export type RefreshSessionRow = RowOf<'sessions', 'id' | 'refresh_hash'> &
  RowOf<'users', 'username' | 'display_name' | 'role' | 'township_id' | 'must_change_password'> & {
    replayed: boolean;
    user_id: string;
    totp_enrolment_required: boolean;
  };

/** A live session of an active user, locked; `replayed` when `hash` is a refresh token already rotated away. */
export async function lockLiveSession(m: SqlRunner, sessionId: string, hash: string): Promise<RefreshSessionRow | undefined> {
  const [row] = await rawRows<RefreshSessionRow>(
    m,
    `SELECT s.id, s.refresh_hash, $2 = ANY(s.used_refresh_hashes) AS replayed, u.id AS user_id, u.username, u.display_name, u.role, u.township_id, u.must_change_password,
                ${TOTP_ENROLMENT_REQUIRED}
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active FOR UPDATE OF s`,
    [sessionId, hash],
  );
  return row;
}

/** A replayed refresh token ends its session (refresh_reuse). */
export async function revokeReplayedSession(m: SqlRunner, sessionId: string): Promise<void> {
  await rawExec(m, `UPDATE sessions SET revoked_at = now(), revoked_reason = 'refresh_reuse' WHERE id = $1`, [sessionId]);
}

/** The next refresh token's hash; the current one joins the used ones. */
export async function rotateRefresh(m: SqlRunner, sessionId: string, nextHash: string): Promise<void> {
  await rawExec(
    m,
    'UPDATE sessions SET refresh_hash = $2, used_refresh_hashes = array_append(used_refresh_hashes, refresh_hash) WHERE id = $1',
    [sessionId, nextHash],
  );
}

/** Ends one session if it is still live. */
export async function endSession(m: SqlRunner, sessionId: string | null, reason: string): Promise<void> {
  await rawExec(m, `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
}

/** Ends every live session of a user (reason null: none recorded); the ids ended. */
export async function endUserSessions(m: SqlRunner, userId: string, reason: string | null): Promise<string[]> {
  const rows = await rawRows<RowOf<'sessions', 'id'>>(
    m,
    `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
    [userId, reason],
  );
  return rows.map((r) => r.id);
}

/** Ends every live session of a user but one (a password change keeps the session it was made in). */
export async function endOtherSessions(m: SqlRunner, userId: string, keepSessionId: string | null, reason: string): Promise<void> {
  await rawExec(m, `UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`, [
    userId,
    keepSessionId,
    reason,
  ]);
}

export type SessionActorRow = RowOf<'users', 'id' | 'username' | 'role' | 'township_id' | 'must_change_password'> & {
  totp_enrolment_required: boolean;
};

/** The user behind a live session of an active user. */
export async function sessionActor(m: SqlRunner, sessionId: string, userId: string): Promise<SessionActorRow | undefined> {
  const [row] = await rawRows<SessionActorRow>(
    m,
    `SELECT u.id, u.username, u.role, u.township_id, u.must_change_password, ${TOTP_ENROLMENT_REQUIRED} FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [sessionId, userId],
  );
  return row;
}
