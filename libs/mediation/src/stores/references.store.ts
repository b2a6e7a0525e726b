import { rawRows, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * What mediation reads of the reference data and of the linked case and consultation (departments, townships,
 * cases, consultations), typed through the generated schema (issue 19 item 2). Read-only.
 */

export async function townshipExists(m: SqlRunner, id: number): Promise<boolean> {
  return (await rawRows<{ one: number }>(m, 'SELECT 1 AS one FROM townships WHERE id = $1', [id])).length > 0;
}

export async function departmentExists(m: SqlRunner, id: number): Promise<boolean> {
  return (await rawRows<{ one: number }>(m, 'SELECT 1 AS one FROM departments WHERE id = $1', [id])).length > 0;
}

/** How many of the ids are departments. */
export async function countDepartments(m: SqlRunner, ids: readonly number[]): Promise<number> {
  const [{ n }] = await rawRows<{ n: number }>(m, 'SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::int[])', [[...ids]]);
  return n;
}

export async function departmentName(m: SqlRunner, id: number | null): Promise<string | undefined> {
  const [d] = await rawRows<RowOf<'departments', 'name'>>(m, 'SELECT name FROM departments WHERE id = $1', [id]);
  return d?.name;
}

/** The case a consultation led to, if any. */
export async function caseOfConsultation(m: SqlRunner, consultationId: string): Promise<string | null> {
  const [c] = await rawRows<RowOf<'consultations', 'case_id'>>(m, 'SELECT case_id FROM consultations WHERE id = $1', [consultationId]);
  return c?.case_id ?? null;
}

/** The linked case's state, version and requests (not locked; CaseLocks locks a case). */
export async function linkedCase(m: SqlRunner, caseId: string): Promise<RowOf<'cases', 'state' | 'version' | 'requests'>> {
  const [c] = await rawRows<RowOf<'cases', 'state' | 'version' | 'requests'>>(
    m,
    'SELECT state, version, requests FROM cases WHERE id = $1',
    [caseId],
  );
  return c;
}
