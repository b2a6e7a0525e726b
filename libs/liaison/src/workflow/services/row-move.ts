import type { EntityManager } from 'typeorm';
import { execSql } from '@fuyi/platform';
import { LiaisonErrors, type LiaisonSubject } from './liaison-errors';

const TABLE: Record<LiaisonSubject, string> = { notice: 'liaison_risk_notices', letter: 'liaison_letters', lawsuit: 'liaison_lawsuits' };

export interface RowMove {
  subject: LiaisonSubject;
  id: string;
  expectedVersion: number;
  /** States the row must be in (null: any). */
  from: readonly string[] | null;
  /** Columns to set (snake_case names chosen by code, never by the client). */
  set: Record<string, unknown>;
  /** For the 409 message: what the caller tried (批准, 登记签收…). */
  what: string;
  labels: Record<string, string>;
}

/**
 * Optimistic, state-checked update of one liaison row: UPDATE … WHERE version = expected AND state IN from.
 * Zero rows becomes 404 (gone), 409 …_VERSION_CONFLICT or 409 …_ILLEGAL_TRANSITION with the current state.
 */
export async function moveRow<T = Record<string, any>>(m: EntityManager, mv: RowMove): Promise<T> {
  const cols = Object.keys(mv.set);
  const assignments = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const { rows } = await execSql<T>(
    m,
    `UPDATE ${TABLE[mv.subject]} SET version = version + 1, updated_at = now()${assignments ? `, ${assignments}` : ''}
      WHERE id = $1 AND version = $2 ${mv.from ? 'AND state = ANY($3::text[])' : 'AND $3::text[] IS NULL'} RETURNING *`,
    [mv.id, mv.expectedVersion, mv.from, ...cols.map((c) => mv.set[c])],
  );
  if (rows.length) return rows[0];
  const [cur] = await m.query(`SELECT ${mv.from ? 'state' : 'NULL AS state'}, version FROM ${TABLE[mv.subject]} WHERE id = $1`, [mv.id]);
  if (!cur) throw LiaisonErrors.notFound(mv.subject);
  if (cur.version !== mv.expectedVersion) throw LiaisonErrors.versionConflict(mv.subject, mv.expectedVersion, cur.version);
  throw LiaisonErrors.illegalTransition(mv.subject, cur.state, mv.labels[cur.state] ?? cur.state, mv.what);
}
