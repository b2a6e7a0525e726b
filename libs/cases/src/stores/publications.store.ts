import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Published decisions (decision_publications, ARL 79: the public list reads only this table), typed through the
 * generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

/** The live publication's text replaced; undefined when the case has none live. */
export async function replaceLiveText(
  m: SqlRunner,
  caseId: string,
  text: string,
  publishedBy: string,
): Promise<RowOf<'decision_publications', 'id'> | undefined> {
  const [r] = await rawRows<RowOf<'decision_publications', 'id'>>(
    m,
    `UPDATE decision_publications SET text = $2, published_by = $3, published_at = now() WHERE case_id = $1 AND withdrawn_at IS NULL RETURNING id`,
    [caseId, text, publishedBy],
  );
  return r;
}

export async function publish(
  m: SqlRunner,
  p: Pick<
    Row<'decision_publications'>,
    'case_id' | 'case_number' | 'respondent_department_id' | 'category' | 'decision_type' | 'year' | 'decided_on' | 'text' | 'published_by'
  >,
): Promise<RowOf<'decision_publications', 'id'>> {
  const [r] = await rawRows<RowOf<'decision_publications', 'id'>>(
    m,
    `INSERT INTO decision_publications (case_id, case_number, respondent_department_id, category, decision_type, year, decided_on, text, published_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [p.case_id, p.case_number, p.respondent_department_id, p.category, p.decision_type, p.year, p.decided_on, p.text, p.published_by],
  );
  return r!;
}

/** The live publication withdrawn: who, when (DB time), why; undefined when there was none live. */
export async function withdrawLive(
  m: SqlRunner,
  caseId: string,
  withdrawnBy: string,
  reason: string,
): Promise<{ id: string; withdrawn_at: Date } | undefined> {
  const [r] = await rawRows<
    RowOf<'decision_publications', 'id'> & { withdrawn_at: NonNullable<Row<'decision_publications'>['withdrawn_at']> }
  >(
    m,
    `UPDATE decision_publications SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3 WHERE case_id = $1 AND withdrawn_at IS NULL RETURNING id, withdrawn_at`,
    [caseId, withdrawnBy, reason],
  );
  return r;
}
