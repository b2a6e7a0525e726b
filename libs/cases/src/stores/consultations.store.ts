import { qb, rawExec, rawRows, runCounted, runFirst, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Consultations at the counters (consultations), typed through the generated schema (issue 19 item 2). Every function
 * runs in the caller's transaction (`m`).
 */

export type ConsultationRow = Row<'consultations'>;

export async function recordConsultation(
  m: SqlRunner,
  c: Pick<
    Row<'consultations'>,
    | 'township_id'
    | 'clerk_id'
    | 'consulted_at'
    | 'visitor_name'
    | 'visitor_phone_enc'
    | 'topic'
    | 'category'
    | 'respondent_department_id'
    | 'advice'
    | 'application_followed'
    | 'act_project'
    | 'act_place'
  >,
): Promise<ConsultationRow> {
  const [row] = await rawRows<ConsultationRow>(
    m,
    `INSERT INTO consultations (township_id, clerk_id, consulted_at, visitor_name, visitor_phone_enc, topic, category, respondent_department_id, advice,
       application_followed, act_project, act_place)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING *`,
    [
      c.township_id,
      c.clerk_id,
      c.consulted_at,
      c.visitor_name,
      c.visitor_phone_enc,
      c.topic,
      c.category,
      c.respondent_department_id,
      c.advice,
      c.application_followed,
      c.act_project,
      c.act_place,
    ],
  );
  return row!;
}

/** Newest first (to the millisecond, then id), after the keyset `after`; at most `n`; of one township or all. */
export function consultationsPage(
  m: SqlRunner,
  townshipId: number | null,
  n: number,
  after: { at: string; id: string } | null,
): Promise<ConsultationRow[]> {
  return rawRows<ConsultationRow>(
    m,
    `SELECT * FROM consultations WHERE ($1::int IS NULL OR township_id = $1)
        AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', consulted_at), id) < ($3::timestamptz, $4::uuid))
      ORDER BY date_trunc('milliseconds', consulted_at) DESC, id DESC LIMIT $2`,
    [townshipId, n, after?.at ?? null, after?.id ?? null],
  );
}

/** Locks a consultation; undefined when none. */
export async function lockConsultation(
  m: SqlRunner,
  id: string,
): Promise<RowOf<'consultations', 'township_id' | 'case_id' | 'respondent_department_id'> | undefined> {
  return runFirst(
    m,
    qb.selectFrom('consultations').select(['township_id', 'case_id', 'respondent_department_id']).where('id', '=', id).forUpdate(),
  );
}

export async function setMediationWarning(m: SqlRunner, id: string, warning: Record<string, unknown>): Promise<void> {
  await rawExec(m, 'UPDATE consultations SET mediation_warning = $2 WHERE id = $1', [id, JSON.stringify(warning)]);
}

/**
 * The application that followed the consultation: a conditional update, so two applications racing for one
 * consultation cannot both claim it (not yet linked, and of the clerk's township when `townshipId` is given).
 */
export async function linkToCase(m: SqlRunner, id: string, caseId: string, townshipId: number | null): Promise<boolean> {
  const { affected } = await runCounted(
    m,
    qb
      .updateTable('consultations')
      .set({ application_followed: true, case_id: caseId })
      .where('id', '=', id)
      .where('case_id', 'is', null)
      .$if(townshipId !== null, (q) => q.where('township_id', '=', townshipId!)),
  );
  return affected > 0;
}

export function consultationTownship(m: SqlRunner, id: string): Promise<RowOf<'consultations', 'township_id'> | undefined> {
  return runFirst(m, qb.selectFrom('consultations').select('township_id').where('id', '=', id));
}
