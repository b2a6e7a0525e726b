import { qb, rawExec, rawRows, run, runFirst, sql, type NewRow, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * case_documents (the issued .docx of a case, mediation file or liaison record) and document_counters (the gap-free
 * numbers per type and year), typed through the generated schema (issue 19 item 2).
 */

/** Serialises issues of one type for one owner until the caller's transaction ends. */
export async function lockOwnerType(m: SqlRunner, ownerKind: string, ownerId: string, type: string): Promise<void> {
  await rawExec(m, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`case_documents:${ownerKind}:${ownerId}:${type}`]);
}

/** The version the next issue of this type for this owner gets (1 for the first). */
export async function nextIssueVersion(m: SqlRunner, ownerKind: string, ownerId: string, type: string): Promise<number> {
  const row = await runFirst(
    m,
    qb
      .selectFrom('case_documents')
      .select(sql<number>`COALESCE(MAX(version), 0) + 1`.as('version'))
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', '=', ownerId)
      .where('type', '=', type),
  );
  return row!.version;
}

/** Takes the next number of a type and year (the counter row stays locked to the end of the caller's transaction). */
export async function takeDocumentNumber(m: SqlRunner, type: string, year: number): Promise<number> {
  const [row] = await rawRows<RowOf<'document_counters', 'last_seq'>>(
    m,
    `INSERT INTO document_counters (type, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (type, year) DO UPDATE SET last_seq = document_counters.last_seq + 1 RETURNING last_seq`,
    [type, year],
  );
  return row!.last_seq;
}

export async function insertDocument(m: SqlRunner, doc: NewRow<'case_documents'>): Promise<string> {
  const [row] = await run(m, qb.insertInto('case_documents').values(doc).returning('id'));
  return row!.id;
}

export type DocumentSummaryRow = RowOf<
  'case_documents',
  'id' | 'owner_kind' | 'owner_id' | 'case_id' | 'type' | 'title' | 'number' | 'version' | 'status' | 'issued_at' | 'issued_by' | 'sha256'
> & { size: number; superseded: boolean };

/** Documents without their content, oldest first, each marked when a later version of its type exists for its owner. */
export async function documentSummaries(
  m: SqlRunner,
  of: { caseId: string } | { ownerKind: string; ownerId: string },
): Promise<DocumentSummaryRow[]> {
  const [where, params] =
    'caseId' in of ? ['case_id = $1', [of.caseId]] : ['owner_kind = $1 AND owner_id = $2', [of.ownerKind, of.ownerId]];
  return rawRows<DocumentSummaryRow>(
    m,
    `SELECT id, owner_kind, owner_id, case_id, type, title, number, version, status, issued_at, issued_by, sha256, octet_length(content) AS size,
              version < MAX(version) OVER (PARTITION BY owner_kind, owner_id, type) AS superseded
         FROM case_documents WHERE ${where} ORDER BY issued_at, number`,
    params,
  );
}

/** What a download hands out: the content and what names the file. */
export function documentFile(
  m: SqlRunner,
  documentId: string,
): Promise<RowOf<'case_documents', 'case_id' | 'type' | 'year' | 'seq' | 'number' | 'title' | 'content' | 'sha256'> | undefined> {
  return runFirst(
    m,
    qb
      .selectFrom('case_documents')
      .select(['case_id', 'type', 'year', 'seq', 'number', 'title', 'content', 'sha256'])
      .where('id', '=', documentId),
  );
}
