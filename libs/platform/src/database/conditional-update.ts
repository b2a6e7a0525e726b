import type { DataSource, EntityManager } from 'typeorm';
import type { DomainError } from '@fuyi/kernel';
import { rawCounted, rawRows } from './typed-sql';

type Runner = Pick<EntityManager | DataSource, 'query'>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** An optimistic, optionally state-checked update of one row by id. Table and column names are chosen by code. */
export interface ConditionalUpdate {
  table: string;
  /** Alias for `scope` conditions (e.g. 'c' for cases). */
  alias?: string;
  id: string;
  expectedVersion: number;
  /** States the row must be in (column `state`); absent = any. */
  inStates?: readonly string[];
  /** Columns to set; plain objects and arrays go in as JSON (jsonb), everything else as is. */
  set?: Record<string, unknown>;
  /** Extra condition (e.g. the actor's visibility), same in the update and the diagnosis; `first` = first free $n. */
  scope?: (first: number) => { sql: string; params: unknown[] };
  /** Columns to return (default 'version'). */
  returning?: string;
  /** Sets updated_at = now() (default true). */
  touch?: boolean;
}

export type ConditionalUpdateOutcome<T> =
  | { kind: 'updated'; row: T }
  | { kind: 'not_found' }
  | { kind: 'version_conflict'; currentVersion: number; currentState: string | null }
  | { kind: 'wrong_state'; currentVersion: number; currentState: string };

/** The owner's errors for each way a conditional update can fail. */
export interface UpdateRefusals {
  notFound: () => DomainError;
  versionConflict: (expected: number, current: number) => DomainError;
  wrongState: (state: string) => DomainError;
}

function sqlValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date || Buffer.isBuffer(v)) return v;
  return JSON.stringify(v);
}

/**
 * The one place that writes `version = version + 1`: UPDATE … WHERE id = $1 AND version = $2 [AND state = ANY($3)]
 * RETURNING …; when no row changes, one read tells "not found" (also outside the scope) from "version conflict"
 * from "wrong state". The caller's transaction; no lock is taken.
 */
export async function tryConditionalUpdate<T = Record<string, any>>(
  db: Runner,
  u: ConditionalUpdate,
): Promise<ConditionalUpdateOutcome<T>> {
  const cols = Object.keys(u.set ?? {});
  for (const name of [u.table, u.alias ?? 'x', ...cols])
    if (!IDENT.test(name)) throw new Error(`conditional update: bad identifier ${name}`);
  const ref = u.alias ?? u.table;
  const assignments = [
    'version = version + 1',
    ...(u.touch === false ? [] : ['updated_at = now()']),
    ...cols.map((c, i) => `${c} = $${i + 4}`),
  ].join(', ');
  const scope = u.scope?.(cols.length + 4) ?? { sql: '', params: [] };
  // Raw SQL on purpose: the table is the caller's, named at run time; the caller's `T` types what RETURNING gives back.
  const { rows } = await rawCounted<T & object>(
    db,
    `UPDATE ${u.table}${u.alias ? ` ${u.alias}` : ''} SET ${assignments}
      WHERE ${ref}.id = $1 AND ${ref}.version = $2 AND ${u.inStates ? `${ref}.state = ANY($3::text[])` : '$3::text[] IS NULL'} ${scope.sql}
      RETURNING ${u.returning ?? 'version'}`,
    [u.id, u.expectedVersion, u.inStates ?? null, ...cols.map((c) => sqlValue(u.set![c])), ...scope.params],
  );
  if (rows.length) return { kind: 'updated', row: rows[0] };
  const scope2 = u.scope?.(2) ?? { sql: '', params: [] };
  const [cur] = await rawRows<{ state: string | null; version: number }>(
    db,
    `SELECT ${u.inStates ? `${ref}.state` : 'NULL AS state'}, ${ref}.version FROM ${u.table}${u.alias ? ` ${u.alias}` : ''} WHERE ${ref}.id = $1 ${scope2.sql}`,
    [u.id, ...scope2.params],
  );
  if (!cur) return { kind: 'not_found' };
  if (cur.version !== u.expectedVersion) return { kind: 'version_conflict', currentVersion: cur.version, currentState: cur.state };
  // Reached only when states were required (otherwise the version decides), so the state column was read.
  return { kind: 'wrong_state', currentVersion: cur.version, currentState: cur.state as string };
}

/** tryConditionalUpdate, throwing the owner's error when no row changed. */
export async function conditionalUpdate<T = Record<string, any>>(db: Runner, u: ConditionalUpdate, refuse: UpdateRefusals): Promise<T> {
  const out = await tryConditionalUpdate<T>(db, u);
  switch (out.kind) {
    case 'updated':
      return out.row;
    case 'not_found':
      throw refuse.notFound();
    case 'version_conflict':
      throw refuse.versionConflict(u.expectedVersion, out.currentVersion);
    case 'wrong_state':
      throw refuse.wrongState(out.currentState);
  }
}
