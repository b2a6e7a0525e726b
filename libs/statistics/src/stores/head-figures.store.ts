import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Reads behind the agency-head figures (issue 19 item 2): lawsuits with a court hearing held (liaison_lawsuits and
 * their hearings) and reconsideration hearings with the respondent's attendance (case_hearings,
 * case_hearing_attendance), by respondent department.
 */

/** $1/$2 period, $3 today, $4 court hearing kinds: one row per lawsuit with a court hearing held, and whether the head appeared. */
const COURT = `
  SELECT x.id, x.case_id, x.court, x.court_case_number, x.filed_on, x.origin,
         coalesce(x.defendant_department_id, c.respondent_department_id) AS dep,
         bool_or((e->>'headAppeared')::boolean) AS head
    FROM liaison_lawsuits x LEFT JOIN cases c ON c.id = x.case_id
    CROSS JOIN LATERAL jsonb_array_elements(x.hearings) e
   WHERE x.filed_on BETWEEN $1::date AND $2::date AND e->>'kind' = ANY($4::text[]) AND (e->>'heldOn')::date <= $3::date
   GROUP BY x.id, c.respondent_department_id`;

/** $1/$2 period: one row per held hearing with the respondent's attendance recorded. */
const HEARINGS = `
  SELECT h.id, h.case_id, h.kind, h.held_on, c.respondent_department_id AS dep, coalesce(r.head_attended, false) AS head
    FROM case_hearings h JOIN case_hearing_attendance r ON r.hearing_id = h.id AND r.side = 'respondent'
    JOIN cases c ON c.id = h.case_id
   WHERE h.status = 'held' AND h.held_on BETWEEN $1::date AND $2::date`;

/** A department's counts; `dep` null is the district government (a lawsuit with no department). */
export type HeadCountsRow = {
  dep: Row<'departments'>['id'] | null;
  label: Row<'departments'>['name'];
  heard: number;
  appeared: number;
  recorded: number;
  attended: number;
};

/** Court hearings and reconsideration hearings of the period held by `today`, and the head's presence, per department. */
export function headCountsByRespondent(
  m: SqlRunner,
  from: string,
  to: string,
  today: string,
  courtHearingKinds: readonly string[],
): Promise<HeadCountsRow[]> {
  // Raw SQL: two aggregated CTEs (one over a LATERAL jsonb expansion) under a FULL JOIN.
  return rawRows<HeadCountsRow>(
    m,
    `WITH court AS (${COURT}), hearing AS (${HEARINGS}),
          ct AS (SELECT dep, count(*)::int AS heard, count(*) FILTER (WHERE head)::int AS appeared FROM court GROUP BY dep),
          ht AS (SELECT dep, count(*)::int AS recorded, count(*) FILTER (WHERE head)::int AS attended FROM hearing GROUP BY dep)
     SELECT coalesce(ct.dep, ht.dep) AS dep, coalesce(d.name, '区人民政府') AS label,
            coalesce(ct.heard, 0) AS heard, coalesce(ct.appeared, 0) AS appeared,
            coalesce(ht.recorded, 0) AS recorded, coalesce(ht.attended, 0) AS attended
       FROM ct FULL JOIN ht ON coalesce(ht.dep, -1) = coalesce(ct.dep, -1) LEFT JOIN departments d ON d.id = coalesce(ct.dep, ht.dep)
      ORDER BY 2`,
    [from, to, today, [...courtHearingKinds]],
  );
}

export type CourtItemRow = RowOf<'liaison_lawsuits', 'id' | 'case_id' | 'court' | 'court_case_number' | 'filed_on' | 'origin'> & {
  dep: Row<'departments'>['id'] | null;
  head: boolean;
  case_number: Row<'cases'>['case_number'] | null;
};
export type HearingItemRow = RowOf<'case_hearings', 'id' | 'case_id' | 'kind' | 'held_on'> & {
  dep: Row<'cases'>['respondent_department_id'];
  head: boolean;
  case_number: Row<'cases'>['case_number'] | null;
};

/** Which items a head figure lists: court lawsuits or reconsideration hearings, all or the head's, of one department or all. */
export interface HeadItemsFilter {
  from: string;
  to: string;
  today: string;
  courtHearingKinds: readonly string[];
  headOnly: boolean;
  /** undefined: every department; null: the district government; a number: that department. */
  dep?: number | null;
}

function itemsQuery(court: boolean, f: HeadItemsFilter): { base: string; params: unknown[] } {
  const params: unknown[] = court ? [f.from, f.to, f.today, [...f.courtHearingKinds]] : [f.from, f.to];
  let where = f.headOnly ? 'x.head' : 'true';
  if (f.dep === null) where += ' AND x.dep IS NULL';
  else if (f.dep !== undefined) {
    params.push(f.dep);
    where += ` AND x.dep = $${params.length}`;
  }
  return {
    base: `WITH x AS (${court ? COURT : HEARINGS}) SELECT x.*, c.case_number FROM x LEFT JOIN cases c ON c.id = x.case_id WHERE ${where}`,
    params,
  };
}

/** A page of the court lawsuits a court figure counts, by id. */
export function courtItems(m: SqlRunner, f: HeadItemsFilter, limit: number, offset: number): Promise<CourtItemRow[]> {
  const { base, params } = itemsQuery(true, f);
  return rawRows<CourtItemRow>(m, `${base} ORDER BY 1 LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    limit,
    offset,
  ]);
}

/** A page of the reconsideration hearings a hearing figure counts, by id. */
export function hearingItems(m: SqlRunner, f: HeadItemsFilter, limit: number, offset: number): Promise<HearingItemRow[]> {
  const { base, params } = itemsQuery(false, f);
  return rawRows<HearingItemRow>(m, `${base} ORDER BY 1 LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    limit,
    offset,
  ]);
}

/** How many items a head figure counts (as courtItems / hearingItems). */
export async function countHeadItems(m: SqlRunner, court: boolean, f: HeadItemsFilter): Promise<number> {
  const { base, params } = itemsQuery(court, f);
  const [row] = await rawRows<{ total: number }>(m, `SELECT count(*)::int AS total FROM (${base}) y`, params);
  return row!.total;
}
