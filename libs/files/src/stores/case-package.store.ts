import { qb, run, runFirst, type RowOf, type SqlRunner } from '@fuyi/platform';

/** What the case package (issue 18 item 6) reads, typed through the generated schema (issue 19 item 2). */

/** The case's number, for the package's and the catalogue's names. */
export function caseNumberOf(m: SqlRunner, caseId: string): Promise<RowOf<'cases', 'case_number'> | undefined> {
  return runFirst(m, qb.selectFrom('cases').select('case_number').where('id', '=', caseId));
}

/** The case's own materials (document versions are read through the documents). */
export function caseMaterials(m: SqlRunner, caseId: string) {
  return run(
    m,
    qb
      .selectFrom('stored_files')
      .select(['id', 'kind', 'filename', 'mime', 'sha256', 'received_on', 'scan_state', 'created_at'])
      .where('owner_type', '=', 'case')
      .where('owner_id', '=', caseId),
  );
}

export function scanStateOf(m: SqlRunner, fileId: string): Promise<RowOf<'stored_files', 'scan_state'> | undefined> {
  return runFirst(m, qb.selectFrom('stored_files').select('scan_state').where('id', '=', fileId));
}
