import type { EntityManager, DataSource } from 'typeorm';

type Runner = Pick<EntityManager | DataSource, 'query'>;

/**
 * Raw SQL with one result shape. TypeORM's Postgres driver answers UPDATE/DELETE with
 * [rows, rowCount] and everything else with rows; callers should not have to remember which.
 */
export async function execSql<T = Record<string, any>>(db: Runner, sql: string, params: unknown[] = []): Promise<{ rows: T[]; affected: number }> {
  const res = await db.query(sql, params);
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number') {
    return { rows: res[0] as T[], affected: res[1] };
  }
  const rows = (Array.isArray(res) ? res : []) as T[];
  return { rows, affected: rows.length };
}
