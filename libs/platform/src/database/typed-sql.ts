import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type InferResult,
  type Insertable,
  type Selectable,
  type Updateable,
} from 'kysely';
export { sql } from 'kysely';
import type { EntityManager, DataSource } from 'typeorm';
import type { DB } from '../../../../generated/db-schema';
import { execSql } from './sql';

/**
 * Typed rows (issue 19 item 2). Kysely is used as a compile-only query builder over the schema generated from the
 * migrations (generated/db-schema.ts, `npm run db:types`): it never opens a connection (DummyDriver); `run(m, query)`
 * sends the compiled SQL and parameters through the caller's TypeORM EntityManager, so it takes part in whatever
 * transaction `m` belongs to, and the rows come back typed. A renamed or dropped column breaks the build.
 * See libs/platform/README.md, "Typed persistence".
 */
export type { DB };
/** The row a SELECT * of table or view T returns (Generated<…> and ColumnType<…> resolved to what pg hands back). */
export type Row<T extends keyof DB> = Selectable<DB[T]>;
/** Some columns of T: the type of a raw SQL row that selects those columns unchanged. */
export type RowOf<T extends keyof DB, K extends keyof Row<T>> = Pick<Row<T>, K>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowPatch<T extends keyof DB> = Updateable<DB[T]>;

/** What store functions take: the caller's EntityManager (inside its transaction) or the DataSource. */
export type SqlRunner = Pick<EntityManager | DataSource, 'query'>;
type Runner = SqlRunner;

/** The query builder: `qb.selectFrom('notifications').select(['id', 'title']).where('user_id', '=', id)`. */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Runs a built query through `m` (an EntityManager inside a transaction, or the DataSource); returns its typed rows. */
export async function run<Q extends Compilable<any>>(m: Runner, query: Q): Promise<InferResult<Q>> {
  const c = query.compile();
  const { rows } = await execSql(m, c.sql, c.parameters as unknown[]);
  return rows as InferResult<Q>;
}

/** The first row, or undefined. */
export async function runFirst<Q extends Compilable<any>>(m: Runner, query: Q): Promise<InferResult<Q>[number] | undefined> {
  return (await run(m, query))[0];
}

/** Rows and the affected-row count (UPDATE/DELETE without RETURNING: check how many rows a conditional write touched). */
export async function runCounted<Q extends Compilable<any>>(m: Runner, query: Q): Promise<{ rows: InferResult<Q>; affected: number }> {
  const c = query.compile();
  const res = await execSql(m, c.sql, c.parameters as unknown[]);
  return { rows: res.rows as InferResult<Q>, affected: res.affected };
}

/**
 * Raw SQL for what the builder does not say well (CTEs with locking, window functions, set-returning functions).
 * The row type is required (without it the rows are `never`) and must be derived from the generated schema:
 * `rawRows<RowOf<'notifications', 'id' | 'title'> & { unread: number }>(m, sql, params)`.
 */
export async function rawRows<R extends object = never>(m: Runner, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await execSql<R>(m, sql, params)).rows;
}

/** Raw SQL with the affected-row count, typed like rawRows. */
export async function rawCounted<R extends object = never>(
  m: Runner,
  sql: string,
  params: unknown[] = [],
): Promise<{ rows: R[]; affected: number }> {
  return execSql<R>(m, sql, params);
}

/** A statement whose rows are not read (DDL, advisory locks, writes without RETURNING): the affected-row count only. */
export async function rawExec(m: Runner, sql: string, params: unknown[] = []): Promise<number> {
  return (await execSql(m, sql, params)).affected;
}

/**
 * A node-postgres Pool or Client as a SqlRunner, for a module that keeps a connection of its own (the case-number
 * allocator's small pool, libs/cases): its store functions then type the rows like any other's.
 */
export function pgRunner(pg: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): SqlRunner {
  return { query: async (sql: string, params?: unknown[]) => (await pg.query(sql, params)).rows } as SqlRunner;
}
