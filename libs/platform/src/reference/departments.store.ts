import { qb, runFirst, type RowOf, type SqlRunner } from '../database/typed-sql';

/** The departments reference table, typed through the generated schema (issue 19 item 2). */

export type DepartmentRow = RowOf<'departments', 'id' | 'name' | 'kind' | 'superior'>;

/** Sets a department's superior (null clears it); undefined when there is no such department. */
export function updateSuperior(m: SqlRunner, departmentId: number, superior: string | null): Promise<DepartmentRow | undefined> {
  return runFirst(
    m,
    qb.updateTable('departments').set({ superior }).where('id', '=', departmentId).returning(['id', 'name', 'kind', 'superior']),
  );
}
