import { rawExec, rawRows, type RowOf, type SqlRunner } from '@fuyi/platform';

/** The parties of a mediation file (mediation_parties), typed through the generated schema (issue 19 item 2). */

/** Name and ID-number blind index of each party (the conflict check). */
export function partiesForConflictCheck(m: SqlRunner, fileId: string): Promise<Array<{ name: string; idIndex: string | null }>> {
  return rawRows<{ name: string; idIndex: string | null }>(
    m,
    'SELECT name, id_number_index AS "idIndex" FROM mediation_parties WHERE file_id = $1',
    [fileId],
  );
}

/** Role and name of each party, in their order (documents). */
export function partyNames(m: SqlRunner, fileId: string): Promise<Array<RowOf<'mediation_parties', 'role' | 'name'>>> {
  return rawRows<RowOf<'mediation_parties', 'role' | 'name'>>(
    m,
    'SELECT role, name FROM mediation_parties WHERE file_id = $1 ORDER BY position',
    [fileId],
  );
}

/** The parties with their encrypted phone, by role and position (the detail view). */
export function partiesOf(m: SqlRunner, fileId: string): Promise<Array<RowOf<'mediation_parties', 'id' | 'role' | 'name' | 'phone_enc'>>> {
  return rawRows<RowOf<'mediation_parties', 'id' | 'role' | 'name' | 'phone_enc'>>(
    m,
    'SELECT id, role, name, phone_enc FROM mediation_parties WHERE file_id = $1 ORDER BY role, position',
    [fileId],
  );
}

/** The linked case's parties copied onto the file with their sealed values. */
export async function copyCaseParties(m: SqlRunner, fileId: string, caseId: string): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO mediation_parties (file_id, role, name, id_number_enc, id_number_index, phone_enc, position)
         SELECT $1, role, name, id_number_enc, id_number_index, phone_enc, position FROM case_parties WHERE case_id = $2`,
    [fileId, caseId],
  );
}

/** One party, its personal data already encrypted (and the ID number's blind index). */
export async function insertParty(
  m: SqlRunner,
  fileId: string,
  p: { role: string; name: string; idNumberEnc: string | null; idNumberIndex: string | null; phoneEnc: string | null; position: number },
): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO mediation_parties (file_id, role, name, id_number_enc, id_number_index, phone_enc, position) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [fileId, p.role, p.name, p.idNumberEnc, p.idNumberIndex, p.phoneEnc, p.position],
  );
}
