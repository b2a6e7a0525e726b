import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The copy-report aggregate (liaison_copy_reports: ARL 79(2) copies to the superior department), typed through the
 * generated schema (issue 19 item 2). Every function runs in the transaction of the caller (`m`).
 */

export type CopyReportRow = Row<'liaison_copy_reports'>;

/** A copy report, its row locked (FOR UPDATE); undefined when it is gone. */
export async function lockCopyReport(m: SqlRunner, id: string): Promise<CopyReportRow | undefined> {
  const [row] = await rawRows<CopyReportRow>(m, 'SELECT * FROM liaison_copy_reports WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

/** The respondent of a case: its name, kind and configured superior; undefined when the case is unknown. */
export async function caseRespondent(m: SqlRunner, caseId: string) {
  const [row] = await rawRows<{ respondent: Row<'departments'>['name'] } & RowOf<'departments', 'kind' | 'superior'>>(
    m,
    `SELECT d.name AS respondent, d.kind, d.superior FROM cases c JOIN departments d ON d.id = c.respondent_department_id WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

/** One copy per copied document: a repeat inserts nothing (undefined). */
export async function recordCopy(
  m: SqlRunner,
  c: {
    caseId: string;
    sourceKind: string;
    sourceId: string;
    sourceDocumentId: string | null;
    respondentDepartmentId: number;
    superior: string | null;
    effectiveOn: string;
    pendingReason: string | null;
    createdBy: string;
  },
): Promise<CopyReportRow | undefined> {
  const [row] = await rawRows<CopyReportRow>(
    m,
    `INSERT INTO liaison_copy_reports (case_id, source_kind, source_id, source_document_id, respondent_department_id, superior, effective_on, state, pending_reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9) ON CONFLICT (source_kind, source_id) DO NOTHING RETURNING *`,
    [
      c.caseId,
      c.sourceKind,
      c.sourceId,
      c.sourceDocumentId,
      c.respondentDepartmentId,
      c.superior,
      c.effectiveOn,
      c.pendingReason,
      c.createdBy,
    ],
  );
  return row;
}

/** Marks a copy issued with its document; returns the new version. */
export async function markIssued(
  m: SqlRunner,
  id: string,
  v: { superior: string | null; sourceDocumentId: string; documentId: string; issuedBy: string; issuedOn: string },
): Promise<number> {
  const [row] = await rawRows<RowOf<'liaison_copy_reports', 'version'>>(
    m,
    `UPDATE liaison_copy_reports SET state = 'issued', pending_reason = NULL, superior = $2, source_document_id = $3, document_id = $4, issued_by = $5, issued_on = $6,
            version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [id, v.superior, v.sourceDocumentId, v.documentId, v.issuedBy, v.issuedOn],
  );
  return row!.version;
}

/** The case and its respondent (name, kind, superior as configured now); undefined when the case is unknown. */
export async function copyContext(m: SqlRunner, caseId: string) {
  const [row] = await rawRows<
    RowOf<'cases', 'case_number' | 'respondent_department_id'> & RowOf<'departments', 'name' | 'kind' | 'superior'>
  >(
    m,
    `SELECT c.case_number, c.respondent_department_id, d.name, d.kind, d.superior FROM cases c JOIN departments d ON d.id = c.respondent_department_id WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

/** The latest issued version of a document of one owner and type, or undefined. */
export async function latestDocument(m: SqlRunner, ownerKind: string, ownerId: string, type: string) {
  const [row] = await rawRows<RowOf<'case_documents', 'id' | 'number'>>(
    m,
    `SELECT id, number FROM case_documents WHERE owner_kind = $1 AND owner_id = $2 AND type = $3 ORDER BY version DESC LIMIT 1`,
    [ownerKind, ownerId, type],
  );
  return row;
}

export type CopyListRow = RowOf<
  'liaison_copy_reports',
  | 'id'
  | 'case_id'
  | 'source_kind'
  | 'source_id'
  | 'source_document_id'
  | 'superior'
  | 'effective_on'
  | 'state'
  | 'pending_reason'
  | 'document_id'
  | 'issued_by'
  | 'issued_on'
  | 'version'
  | 'created_at'
> &
  RowOf<'cases', 'case_number'> & {
    source_document_number: Row<'case_documents'>['number'] | null;
    respondent: Row<'departments'>['name'];
    document_number: Row<'case_documents'>['number'] | null;
    issued_by_name: Row<'users'>['display_name'] | null;
  };

/** Copy reports matching `where` (over `r`, with `params`), in the order they were recorded, up to `limit`. */
export function copyList(m: SqlRunner, where: string, params: unknown[], limit: number): Promise<CopyListRow[]> {
  return rawRows<CopyListRow>(
    m,
    `SELECT r.id, r.case_id, c.case_number, r.source_kind, r.source_id, r.source_document_id, sd.number AS source_document_number, d.name AS respondent,
            r.superior, r.effective_on, r.state, r.pending_reason, r.document_id, doc.number AS document_number, r.issued_by, u.display_name AS issued_by_name,
            r.issued_on, r.version, r.created_at
       FROM liaison_copy_reports r JOIN cases c ON c.id = r.case_id JOIN departments d ON d.id = r.respondent_department_id
       LEFT JOIN case_documents sd ON sd.id = r.source_document_id LEFT JOIN case_documents doc ON doc.id = r.document_id LEFT JOIN users u ON u.id = r.issued_by
      WHERE ${where} ORDER BY date_trunc('milliseconds', r.created_at), r.id LIMIT $${params.length + 1}`,
    [...params, limit],
  );
}
