import { qb, rawRows, run, runFirst, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * A case's parties (case_parties, personal data encrypted) and the service of its decision on them (case_services),
 * typed through the generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

export type NewParty = Pick<
  Row<'case_parties'>,
  'role' | 'kind' | 'name' | 'id_number_enc' | 'id_number_index' | 'phone_enc' | 'address_enc' | 'credit_code' | 'legal_representative'
>;

/** Parties of one case; positions continue after the case's existing parties of the same role. Returns their ids. */
export async function insertParties(m: SqlRunner, caseId: string, parties: readonly NewParty[]): Promise<string[]> {
  if (!parties.length) return [];
  const values: unknown[] = [];
  const tuples = parties.map((p, i) => {
    values.push(
      caseId,
      p.role,
      p.kind,
      p.name,
      p.id_number_enc,
      p.id_number_index,
      p.phone_enc,
      p.address_enc,
      p.credit_code,
      p.legal_representative,
      i,
    );
    const o = i * 11;
    return `(${Array.from({ length: 11 }, (_, k) => `$${o + k + 1}`).join(',')})`;
  });
  const rows = await rawRows<RowOf<'case_parties', 'id'>>(
    m,
    `INSERT INTO case_parties (case_id, role, kind, name, id_number_enc, id_number_index, phone_enc, address_enc, credit_code, legal_representative, position)
     SELECT t.case_id::uuid, t.role, t.kind, t.name, t.id_enc, t.id_idx, t.phone_enc, t.addr_enc, t.credit, t.legal,
            t.pos::int + coalesce((SELECT max(position) + 1 FROM case_parties x WHERE x.case_id = t.case_id::uuid AND x.role = t.role), 0)
       FROM (VALUES ${tuples.join(',')}) AS t(case_id, role, kind, name, id_enc, id_idx, phone_enc, addr_enc, credit, legal, pos)
     RETURNING id`,
    values,
  );
  return rows.map((r) => r.id);
}

/** The party's role, when it belongs to the case. */
export function partyOfCase(m: SqlRunner, caseId: string, partyId: string): Promise<RowOf<'case_parties', 'role'> | undefined> {
  return runFirst(m, qb.selectFrom('case_parties').select('role').where('id', '=', partyId).where('case_id', '=', caseId));
}

/** Every party of the case: id, role and name, by role and position. */
export function partiesOfCase(m: SqlRunner, caseId: string): Promise<Array<RowOf<'case_parties', 'id' | 'role' | 'name'>>> {
  return run(
    m,
    qb.selectFrom('case_parties').select(['id', 'role', 'name']).where('case_id', '=', caseId).orderBy('role').orderBy('position'),
  );
}

/** Every column of the case's parties (the case detail decrypts or masks them), by role and position. */
export function fullPartiesOfCase(m: SqlRunner, caseId: string): Promise<Array<Row<'case_parties'>>> {
  return run(m, qb.selectFrom('case_parties').selectAll().where('case_id', '=', caseId).orderBy('role').orderBy('position'));
}

/** What the anonymisation of a published decision needs to know about the parties. */
export function partiesForPublication(
  m: SqlRunner,
  caseId: string,
): Promise<Array<RowOf<'case_parties', 'name' | 'kind' | 'legal_representative' | 'address_enc'>>> {
  return run(
    m,
    qb.selectFrom('case_parties').select(['name', 'kind', 'legal_representative', 'address_enc']).where('case_id', '=', caseId),
  );
}

/** The applicant with this ID number (by blind index) or credit code: its position; undefined when none matches. */
export function applicantMatching(
  m: SqlRunner,
  caseId: string,
  by: { idNumberIndex: string } | { creditCode: string },
): Promise<RowOf<'case_parties', 'position'> | undefined> {
  const q = qb.selectFrom('case_parties').select('position').where('case_id', '=', caseId).where('role', '=', 'applicant');
  return runFirst(
    m,
    'idNumberIndex' in by ? q.where('id_number_index', '=', by.idNumberIndex) : q.where('credit_code', '=', by.creditCode),
  );
}

/** The applicants' names, by position. */
export async function applicantNames(m: SqlRunner, caseId: string): Promise<string[]> {
  const [row] = await rawRows<{ applicants: Array<Row<'case_parties'>['name']> }>(
    m,
    `SELECT ARRAY(SELECT p.name FROM case_parties p WHERE p.case_id = $1 AND p.role = 'applicant' ORDER BY p.position) AS applicants`,
    [caseId],
  );
  return row!.applicants;
}

/** Whether the case has a third party. */
export async function hasThirdParty(m: SqlRunner, caseId: string): Promise<boolean> {
  const rows = await rawRows<{ '?column?': number }>(m, `SELECT 1 FROM case_parties WHERE case_id = $1 AND role = 'third_party' LIMIT 1`, [
    caseId,
  ]);
  return rows.length > 0;
}

/** Service of the decision on one party; false when it was already recorded (ON CONFLICT DO NOTHING). */
export async function recordService(
  m: SqlRunner,
  s: Pick<Row<'case_services'>, 'case_id' | 'party_id' | 'method' | 'served_on' | 'recorded_by'>,
): Promise<boolean> {
  const inserted = await rawRows<RowOf<'case_services', 'id'>>(
    m,
    `INSERT INTO case_services (case_id, party_id, method, served_on, recorded_by) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING RETURNING id`,
    [s.case_id, s.party_id, s.method, s.served_on, s.recorded_by],
  );
  return inserted.length > 0;
}

/** Applicants not yet served, and the latest service on an applicant. */
export async function applicantService(
  m: SqlRunner,
  caseId: string,
): Promise<{ pending: number; last: Row<'case_services'>['served_on'] | null }> {
  const [row] = await rawRows<{ pending: number; last: Row<'case_services'>['served_on'] | null }>(
    m,
    `SELECT count(*) FILTER (WHERE s.id IS NULL)::int AS pending, max(s.served_on) AS last
       FROM case_parties p LEFT JOIN case_services s ON s.case_id = p.case_id AND s.party_id = p.id
      WHERE p.case_id = $1 AND p.role = 'applicant'`,
    [caseId],
  );
  return row!;
}

/** The last day the case's decision was served on anyone (null: never). */
export async function latestServedOn(m: SqlRunner, caseId: string): Promise<string | null> {
  const [r] = await rawRows<{ served_on: Row<'case_services'>['served_on'] | null }>(
    m,
    'SELECT max(served_on)::text AS served_on FROM case_services WHERE case_id = $1',
    [caseId],
  );
  return r?.served_on ?? null;
}

/** The parties of these cases that match `condition` (alias `p`, parameters from $2), by role and position. */
export function matchingParties(
  m: SqlRunner,
  caseIds: readonly string[],
  condition: (bind: (v: unknown) => string) => string,
): Promise<Array<RowOf<'case_parties', 'case_id' | 'role' | 'name'>>> {
  const params: unknown[] = [[...caseIds]];
  return rawRows<RowOf<'case_parties', 'case_id' | 'role' | 'name'>>(
    m,
    `SELECT p.case_id, p.role, p.name FROM case_parties p
      WHERE p.case_id = ANY($1::uuid[]) AND ${condition((v) => `$${params.push(v)}`)} ORDER BY p.role, p.position`,
    params,
  );
}
