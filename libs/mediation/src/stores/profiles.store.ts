import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/** The centre's mediator profiles (mediator_profiles), typed through the generated schema (issue 19 item 2). */

/** Whether the user is a coordinator (false without a profile). */
export async function isCoordinator(m: SqlRunner, userId: string): Promise<boolean> {
  const [p] = await rawRows<RowOf<'mediator_profiles', 'is_coordinator'>>(
    m,
    'SELECT is_coordinator FROM mediator_profiles WHERE user_id = $1',
    [userId],
  );
  return !!p?.is_coordinator;
}

/** An active mediator on the roster, with their profile if any (LEFT JOIN: profile columns null without one). */
export type RosterRow = RowOf<'users', 'id' | 'display_name'> & {
  skills: string[] | null;
  is_coordinator: Row<'mediator_profiles'>['is_coordinator'] | null;
  conflict_department_ids: number[] | null;
  id_links: number | null;
  conflict_party_names: string[] | null;
  version: Row<'mediator_profiles'>['version'] | null;
};

/** The active mediators by display name, with their profiles. */
export function mediatorRoster(m: SqlRunner): Promise<RosterRow[]> {
  return rawRows<RosterRow>(
    m,
    `SELECT u.id, u.display_name, p.skills, p.is_coordinator, p.conflict_department_ids, jsonb_array_length(p.conflict_party_indexes) AS id_links,
              p.conflict_party_names, p.version
         FROM users u LEFT JOIN mediator_profiles p ON p.user_id = u.id WHERE u.role = 'mediator' AND u.active ORDER BY u.display_name`,
  );
}

/** Whether the user is a mediator. */
export async function isMediatorUser(m: SqlRunner, userId: string): Promise<boolean> {
  return (await rawRows<{ one: number }>(m, `SELECT 1 AS one FROM users WHERE id = $1 AND role = 'mediator'`, [userId])).length > 0;
}

export type ProfileConflicts = RowOf<'mediator_profiles', 'version'> & {
  conflict_department_ids: number[];
  conflict_party_indexes: string[];
  conflict_party_names: string[];
};

/** A mediator's profile, locked (FOR UPDATE): its version and conflicts; undefined without one. */
export async function lockProfile(m: SqlRunner, userId: string): Promise<ProfileConflicts | undefined> {
  const [cur] = await rawRows<ProfileConflicts>(
    m,
    'SELECT version, conflict_department_ids, conflict_party_indexes, conflict_party_names FROM mediator_profiles WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  return cur;
}

export interface ProfileValues {
  skills: string[];
  isCoordinator: boolean;
  conflictDepartmentIds: number[];
  conflictPartyIndexes: string[];
  conflictPartyNames: string[];
}

const args = (userId: string, v: ProfileValues) => [
  userId,
  JSON.stringify(v.skills),
  v.isCoordinator,
  JSON.stringify(v.conflictDepartmentIds),
  JSON.stringify(v.conflictPartyIndexes),
  JSON.stringify(v.conflictPartyNames),
];

/**
 * Replaces a mediator's profile (keyed by user id; the caller locked it and checked the version it read); returns the
 * new version.
 */
export async function updateProfile(m: SqlRunner, userId: string, v: ProfileValues): Promise<number> {
  const [row] = await rawRows<RowOf<'mediator_profiles', 'version'>>(
    m,
    `UPDATE mediator_profiles SET skills = $2, is_coordinator = $3, conflict_department_ids = $4, conflict_party_indexes = $5, conflict_party_names = $6,
                version = version + 1 WHERE user_id = $1 RETURNING version`,
    args(userId, v),
  );
  return row.version;
}

/** A mediator's first profile; its version. */
export async function insertProfile(m: SqlRunner, userId: string, v: ProfileValues): Promise<number> {
  const [row] = await rawRows<RowOf<'mediator_profiles', 'version'>>(
    m,
    `INSERT INTO mediator_profiles (user_id, skills, is_coordinator, conflict_department_ids, conflict_party_indexes, conflict_party_names)
         VALUES ($1,$2,$3,$4,$5,$6) RETURNING version`,
    args(userId, v),
  );
  return row.version;
}
