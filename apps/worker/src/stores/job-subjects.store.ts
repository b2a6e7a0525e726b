import { qb, rawExec, runFirst, sql, type SqlRunner } from '@fuyi/platform';

/**
 * What the worker's own job handlers read (issue 19 item 2): the heartbeat's round trip and whether a job's subject is
 * still there. Reads only; the tables stay their owners' to write.
 */

/** One round trip to PostgreSQL (the heartbeat job). */
export async function pingDatabase(m: SqlRunner): Promise<void> {
  await rawExec(m, 'SELECT 1');
}

/** Whether the case a job names still exists (a job whose subject is gone is skipped). */
export async function caseExists(m: SqlRunner, caseId: string): Promise<boolean> {
  const row = await runFirst(
    m,
    qb
      .selectFrom('cases')
      .select(sql<number>`1`.as('one'))
      .where('id', '=', caseId),
  );
  return row !== undefined;
}
