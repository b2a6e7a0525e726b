import type { EntityManager } from 'typeorm';
import * as DepartmentsStore from './departments.store';

export type DepartmentRow = DepartmentsStore.DepartmentRow;

/** The departments reference table belongs to the platform; other libraries change it only through these functions. */
export const Departments = {
  /** Sets (or clears, with null or blank) a department's superior; null when there is no such department. */
  async setSuperior(m: EntityManager, departmentId: number, superior: string | null): Promise<DepartmentRow | null> {
    return (await DepartmentsStore.updateSuperior(m, departmentId, superior?.trim() || null)) ?? null;
  },
};
