import { qb, rawExec, run, runFirst, sql, type NewRow, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * case_document_versions (issue 18 item 6: a document's uploaded signed scans and corrected files) and the reads of
 * case_documents those need, typed through the generated schema (issue 19 item 2).
 */
export type DocumentVersionRow = Row<'case_document_versions'>;

/** Who owns a document (its case, or the mediation file / liaison record it belongs to). */
export function documentOwner(m: SqlRunner, documentId: string): Promise<RowOf<'case_documents', 'owner_kind' | 'owner_id' | 'case_id' | 'type'> | undefined> {
  return runFirst(m, qb.selectFrom('case_documents').select(['owner_kind', 'owner_id', 'case_id', 'type']).where('id', '=', documentId));
}

/** The document a version is recorded against. */
export function versionedDocument(m: SqlRunner, documentId: string): Promise<RowOf<'case_documents', 'id' | 'case_id' | 'type' | 'number'> | undefined> {
  return runFirst(m, qb.selectFrom('case_documents').select(['id', 'case_id', 'type', 'number']).where('id', '=', documentId));
}

/** Serialises the versions of one document until the caller's transaction ends. */
export async function lockVersions(m: SqlRunner, documentId: string): Promise<void> {
  await rawExec(m, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`case_document_versions:${documentId}`]);
}

/** The next version number (1 is the issued .docx). */
export async function nextVersion(m: SqlRunner, documentId: string): Promise<number> {
  const row = await runFirst(
    m,
    qb.selectFrom('case_document_versions').select(sql<number>`COALESCE(MAX(version), 1) + 1`.as('version')).where('document_id', '=', documentId),
  );
  return row?.version ?? 2;
}

export async function insertVersion(m: SqlRunner, v: NewRow<'case_document_versions'>): Promise<DocumentVersionRow> {
  const [row] = await run(m, qb.insertInto('case_document_versions').values(v).returningAll());
  return row;
}

/** The issued document as version 1, with its issuer's name. */
export function issuedVersion(m: SqlRunner, documentId: string) {
  return runFirst(
    m,
    qb
      .selectFrom('case_documents as d')
      .leftJoin('users as u', 'u.id', 'd.issued_by')
      .select(['d.number', 'd.title', 'd.sha256', 'd.issued_by', 'd.issued_at', 'u.display_name', sql<number>`octet_length(d.content)`.as('size')])
      .where('d.id', '=', documentId),
  );
}

/** The uploaded versions, oldest first, with the uploader's name. */
export function uploadedVersions(m: SqlRunner, documentId: string): Promise<Array<DocumentVersionRow & { display_name: string | null }>> {
  return run(
    m,
    qb
      .selectFrom('case_document_versions as v')
      .leftJoin('users as u', 'u.id', 'v.uploaded_by')
      .selectAll('v')
      .select('u.display_name')
      .where('v.document_id', '=', documentId)
      .orderBy('v.version'),
  );
}
