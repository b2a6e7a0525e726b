import { qb, rawExec, rawRows, run, runFirst, type RowOf, type SqlRunner } from '../../database/typed-sql';
import { TOTP_ENROLMENT_REQUIRED } from './sessions.store';

/** users (accounts, their password hash and second factor), totp_required_roles and the townships read; typed (issue 19 item 2). */

/** A user's sign-in is locked: login attempts are keyed by the SHA-256 of the name typed (login-attempts.store.ts). */
const LOCKED = `EXISTS (SELECT 1 FROM login_attempts a WHERE a.username_key = encode(sha256(convert_to(u.username, 'UTF8')), 'hex') AND a.locked_until > now())`;

/** An active user of a role that must use the second factor (security policy) who has not bound it; the list marks them. */
const TOTP_MISSING = `(u.active AND u.totp_confirmed_at IS NULL AND u.role IN (SELECT t.role FROM totp_required_roles t))`;

/** What the users list and an edit's answer show. */
export type UserViewRow = RowOf<'users', 'id' | 'username' | 'display_name' | 'role' | 'township_id' | 'section' | 'active' | 'version'>;
const VIEW = 'id, username, display_name, role, township_id, section, active, version';

export type LoginUserRow = RowOf<
  'users',
  'id' | 'username' | 'display_name' | 'role' | 'township_id' | 'active' | 'password_hash' | 'must_change_password'
> & {
  totp_enrolment_required: boolean;
};

/** The account a sign-in names, with whether its role requires a second factor it has not enrolled. */
export async function loginUser(m: SqlRunner, username: string): Promise<LoginUserRow | undefined> {
  const [user] = await rawRows<LoginUserRow>(
    m,
    `SELECT id, username, display_name, role, township_id, active, password_hash, must_change_password,
              ${TOTP_ENROLMENT_REQUIRED} FROM users u WHERE username = $1`,
    [username],
  );
  return user;
}

/** An active user's name and password hash (checking the current password). */
export function activeCredentials(
  m: SqlRunner,
  userId: string,
): Promise<RowOf<'users', 'username' | 'password_hash' | 'totp_confirmed_at'> | undefined> {
  return runFirst(
    m,
    qb.selectFrom('users').select(['username', 'password_hash', 'totp_confirmed_at']).where('id', '=', userId).where('active', '=', true),
  );
}

/** One's own new password: the must-change flag clears and the change is dated. */
export async function changeOwnPassword(m: SqlRunner, userId: string, hash: string): Promise<void> {
  await rawExec(
    m,
    'UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now(), version = version + 1 WHERE id = $1',
    [userId, hash],
  );
}

/** A users-list row: the account, whether its sign-in is locked now and whether it lacks a required second factor. */
export type UserListRow = UserViewRow & { locked: boolean; totp_missing: boolean };
const LIST = `${VIEW}, ${LOCKED} AS locked, ${TOTP_MISSING} AS totp_missing`;

/** A page of users by username after `after`, each marked as the list shows it. */
export function usersPage(m: SqlRunner, after: string | null, limit: number): Promise<UserListRow[]> {
  return rawRows<UserListRow>(
    m,
    `SELECT ${LIST} FROM users u
        WHERE ($1::text IS NULL OR username > $1) ORDER BY username LIMIT $2`,
    [after, limit],
  );
}

/** Accounts whose sign-in is locked now, or that lack a required second factor: the list's own conditions. */
export async function markedCount(m: SqlRunner, mark: 'locked' | 'totpMissing'): Promise<number> {
  const [row] = await rawRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM users u WHERE ${mark === 'locked' ? LOCKED : TOTP_MISSING}`);
  return row?.n ?? 0;
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: string;
  townshipId: number | null;
  passwordHash: string;
}

/** A new account that must change its password at first sign-in; undefined when the name is taken. */
export async function insertUser(m: SqlRunner, u: NewUserRow): Promise<UserViewRow | undefined> {
  const [row] = await rawRows<UserViewRow>(
    m,
    `INSERT INTO users (username, display_name, role, township_id, password_hash, must_change_password) VALUES ($1,$2,$3,$4,$5,true)
         ON CONFLICT (username) DO NOTHING RETURNING ${VIEW}`,
    [u.username, u.displayName, u.role, u.townshipId, u.passwordHash],
  );
  return row;
}

/** A temporary password (must be changed at the next sign-in), by user id or by username. */
export async function resetPassword(
  m: SqlRunner,
  by: { id: string } | { username: string },
  hash: string,
): Promise<UserViewRow | undefined> {
  const [row] = await rawRows<UserViewRow>(
    m,
    `UPDATE users SET password_hash = $2, must_change_password = true, version = version + 1 WHERE ${'id' in by ? 'id' : 'username'} = $1
         RETURNING ${VIEW}`,
    ['id' in by ? by.id : by.username, hash],
  );
  return row;
}

export function userRole(
  m: SqlRunner,
  userId: string,
): Promise<RowOf<'users', 'username' | 'role' | 'display_name' | 'township_id' | 'section'> | undefined> {
  return runFirst(
    m,
    qb.selectFrom('users').select(['username', 'role', 'display_name', 'township_id', 'section']).where('id', '=', userId),
  );
}

export async function deactivate(m: SqlRunner, userId: string): Promise<UserViewRow | undefined> {
  const [row] = await rawRows<UserViewRow>(m, `UPDATE users SET active = false, version = version + 1 WHERE id = $1 RETURNING ${VIEW}`, [
    userId,
  ]);
  return row;
}

/** Conditional on the version read: undefined when the row has moved on. */
export async function changeRole(
  m: SqlRunner,
  userId: string,
  role: string,
  townshipId: number | null,
  version: number,
): Promise<UserViewRow | undefined> {
  const [row] = await rawRows<UserViewRow>(
    m,
    `UPDATE users SET role = $2, township_id = $3, version = version + 1 WHERE id = $1 AND version = $4
         RETURNING ${VIEW}`,
    [userId, role, townshipId, version],
  );
  return row;
}

export type UserParticulars = RowOf<'users', 'display_name' | 'township_id' | 'section'>;

/** Name, township and section, conditional on the version read: undefined when the row has moved on. */
export async function updateParticulars(
  m: SqlRunner,
  userId: string,
  p: UserParticulars,
  version: number,
): Promise<UserListRow | undefined> {
  const [row] = await rawRows<UserListRow>(
    m,
    `UPDATE users u SET display_name = $2, township_id = $3, section = $4, version = version + 1 WHERE id = $1 AND version = $5
         RETURNING ${LIST}`,
    [userId, p.display_name, p.township_id, p.section, version],
  );
  return row;
}

export async function townshipExists(m: SqlRunner, townshipId: number): Promise<boolean> {
  return (await runFirst(m, qb.selectFrom('townships').select('id').where('id', '=', townshipId))) !== undefined;
}

// The second factor (TOTP).

export function totpState(m: SqlRunner, userId: string): Promise<RowOf<'users', 'totp_secret' | 'totp_confirmed_at'> | undefined> {
  return runFirst(m, qb.selectFrom('users').select(['totp_secret', 'totp_confirmed_at']).where('id', '=', userId));
}

/** A new pending secret (sealed), replacing an unconfirmed one. */
export async function setPendingTotp(m: SqlRunner, userId: string, sealedSecret: string): Promise<void> {
  await rawExec(m, 'UPDATE users SET totp_secret = $2, totp_last_step = NULL WHERE id = $1', [userId, sealedSecret]);
}

/** Confirms the pending secret read (unless confirmed or replaced meanwhile); false then. */
export async function confirmTotp(m: SqlRunner, userId: string, step: number, sealedSecret: string): Promise<boolean> {
  const rows = await rawRows<RowOf<'users', 'id'>>(
    m,
    'UPDATE users SET totp_confirmed_at = now(), totp_last_step = $2 WHERE id = $1 AND totp_confirmed_at IS NULL AND totp_secret = $3 RETURNING id',
    [userId, step, sealedSecret],
  );
  return rows.length > 0;
}

/** Takes a code's step if it is later than the last one accepted (each code once); false for a replay. */
export async function takeTotpStep(m: SqlRunner, userId: string, step: number): Promise<boolean> {
  const rows = await rawRows<RowOf<'users', 'id'>>(
    m,
    'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
    [userId, step],
  );
  return rows.length > 0;
}

export async function totpRequiredRoles(m: SqlRunner): Promise<string[]> {
  return (await run(m, qb.selectFrom('totp_required_roles').select('role'))).map((r) => r.role);
}

export async function requireTotp(m: SqlRunner, role: string, setBy: string): Promise<void> {
  await rawExec(m, 'INSERT INTO totp_required_roles (role, set_by) VALUES ($1, $2) ON CONFLICT (role) DO NOTHING', [role, setBy]);
}

export async function unrequireTotp(m: SqlRunner, role: string): Promise<void> {
  await rawExec(m, 'DELETE FROM totp_required_roles WHERE role = $1', [role]);
}
