import { qb, run, type SqlRunner } from '../database/typed-sql';

/** The reference lists (townships, departments), typed through the generated schema (issue 19 item 2). */

/** Every township, by id. */
export function townships(m: SqlRunner) {
  return run(m, qb.selectFrom('townships').select(['id', 'code', 'name', 'kind']).orderBy('id'));
}

/** Every department, by id. */
export function departments(m: SqlRunner) {
  return run(m, qb.selectFrom('departments').select(['id', 'name', 'kind', 'township_id', 'superior']).orderBy('id'));
}
