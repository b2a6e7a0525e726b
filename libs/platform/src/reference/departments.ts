import type { EntityManager } from 'typeorm';
import { execSql } from '../database/sql';

export interface DepartmentRow {
  id: number;
  name: string;
  kind: string;
  superior: string | null;
}

/** The departments reference table belongs to the platform; other libraries change it only through these functions. */
export const Departments = {
  /** Sets (or clears, with null or blank) a department's superior; null when there is no such department. */
  async setSuperior(m: EntityManager, departmentId: number, superior: string | null): Promise<DepartmentRow | null> {
    const { rows } = await execSql<DepartmentRow>(
      m,
      'UPDATE departments SET superior = $2 WHERE id = $1 RETURNING id, name, kind, superior',
      [departmentId, superior?.trim() || null],
    );
    return rows[0] ?? null;
  },
};
