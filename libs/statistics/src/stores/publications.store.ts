import { qb, run, runFirst, sql, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * 阳光复议 reads of decision_publications (written, anonymised, by libs/cases), typed through the generated schema
 * (issue 19 item 2). Withdrawn publications are never returned.
 */

export interface PublicationFilter {
  respondentDepartmentId?: number;
  category?: string;
  year?: number;
  /** An ILIKE pattern with \ as the escape character. */
  textPattern?: string;
}

function published(f: PublicationFilter) {
  let q = qb.selectFrom('decision_publications as p').where('p.withdrawn_at', 'is', null);
  if (f.respondentDepartmentId !== undefined) q = q.where('p.respondent_department_id', '=', f.respondentDepartmentId);
  if (f.category !== undefined) q = q.where('p.category', '=', f.category);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  if (f.textPattern !== undefined) q = q.where(sql<boolean>`p.text ILIKE ${f.textPattern} ESCAPE '\\'`);
  return q;
}

const LISTED = ['p.id', 'p.case_number', 'p.category', 'p.decision_type', 'p.year', 'p.decided_on', 'p.published_at'] as const;

export type PublicationListRow = RowOf<
  'decision_publications',
  'id' | 'case_number' | 'category' | 'decision_type' | 'year' | 'decided_on' | 'published_at'
> & {
  head: string;
  respondent: Row<'departments'>['name'];
};

/** A page of the published decisions matching `f`, newest decision first, with the first `headLength` characters of the text. */
export function searchPublications(
  m: SqlRunner,
  f: PublicationFilter,
  headLength: number,
  limit: number,
  offset: number,
): Promise<PublicationListRow[]> {
  return run(
    m,
    published(f)
      .innerJoin('departments as d', 'd.id', 'p.respondent_department_id')
      .select([...LISTED, sql<string>`left(p.text, ${sql.lit(headLength)})`.as('head'), 'd.name as respondent'])
      .orderBy(sql`p.decided_on DESC NULLS LAST`)
      .orderBy('p.published_at', 'desc')
      .limit(limit)
      .offset(offset),
  );
}

/** How many published decisions match `f`. */
export async function countPublications(m: SqlRunner, f: PublicationFilter): Promise<number> {
  const row = await runFirst(m, published(f).select(sql<number>`count(*)::int`.as('total')));
  return row!.total;
}

export type PublicationRow = Omit<PublicationListRow, 'head'> & RowOf<'decision_publications', 'text'>;

/** One published (not withdrawn) decision with its whole text, or undefined. */
export function publication(m: SqlRunner, id: string): Promise<PublicationRow | undefined> {
  return runFirst(
    m,
    published({})
      .innerJoin('departments as d', 'd.id', 'p.respondent_department_id')
      .select([...LISTED, 'p.text', 'd.name as respondent'])
      .where('p.id', '=', id),
  );
}

/** Years with published decisions, newest first, with how many. */
export function publicationYears(m: SqlRunner) {
  return run(
    m,
    qb
      .selectFrom('decision_publications')
      .select(['year', sql<number>`count(*)::int`.as('count')])
      .where('withdrawn_at', 'is', null)
      .groupBy('year')
      .orderBy('year', 'desc'),
  );
}

/** Respondents with published decisions, by name, with how many. */
export function publicationRespondents(m: SqlRunner) {
  return run(
    m,
    qb
      .selectFrom('decision_publications as p')
      .innerJoin('departments as d', 'd.id', 'p.respondent_department_id')
      .select(['d.id', 'd.name', sql<number>`count(*)::int`.as('count')])
      .where('p.withdrawn_at', 'is', null)
      .groupBy(['d.id', 'd.name'])
      .orderBy('d.name'),
  );
}
