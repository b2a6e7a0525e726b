import { qb, rawExec, rawRows, run, runFirst, sql, type NewRow, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * The stored_files table (one row per uploaded file; the blob is content-addressed by sha256), typed through the
 * generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`) or on the DataSource.
 */
export type StoredFileRow = Row<'stored_files'>;

export async function insertStoredFile(m: SqlRunner, file: NewRow<'stored_files'>): Promise<StoredFileRow> {
  const [row] = await run(m, qb.insertInto('stored_files').values(file).returningAll());
  return row;
}

export async function storedFile(m: SqlRunner, fileId: string): Promise<StoredFileRow | undefined> {
  return runFirst(m, qb.selectFrom('stored_files').selectAll().where('id', '=', fileId));
}

/** An owner's files, in the order they were received. */
export async function filesOf(m: SqlRunner, ownerType: string, ownerId: string): Promise<StoredFileRow[]> {
  return run(
    m,
    qb
      .selectFrom('stored_files')
      .selectAll()
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', ownerId)
      .orderBy('received_on')
      .orderBy('created_at'),
  );
}

/** Bytes an owner already holds (bigint: a string). */
export async function ownerTotalBytes(m: SqlRunner, ownerType: string, ownerId: string): Promise<number> {
  const row = await runFirst(
    m,
    qb
      .selectFrom('stored_files')
      .select(sql<string>`COALESCE(SUM(size_bytes), 0)::bigint`.as('total'))
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', ownerId),
  );
  return Number(row?.total ?? 0);
}

/** Bytes a case holds: its own files and its documents' uploaded versions (the per-case quota counts both). */
export async function caseTotalBytes(m: SqlRunner, caseId: string): Promise<number> {
  const [row] = await rawRows<{ total: string }>(
    m,
    `SELECT COALESCE(SUM(size_bytes), 0)::bigint AS total FROM stored_files
      WHERE (owner_type = 'case' AND owner_id = $1) OR (owner_type = 'case-document' AND owner_id IN (SELECT id FROM case_documents WHERE case_id = $1))`,
    [caseId],
  );
  return Number(row?.total ?? 0);
}

/**
 * Serialises the uploads that count against one quota (a case with its documents' versions, or one other owner) until
 * the caller's transaction ends: the sum and the insert that follows it are then seen by the next upload in line, so
 * uploads fired together cannot each pass on the old total. Transaction-scoped: released by commit or rollback.
 */
export async function lockQuota(m: SqlRunner, quotaKey: string): Promise<void> {
  await rawExec(m, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`fuyi.files-quota:${quotaKey}`]);
}

/** Receipt dates (or filenames) of a case's respondent evidence. */
export async function caseEvidence(
  m: SqlRunner,
  caseId: string,
  receivedBy?: string,
): Promise<RowOf<'stored_files', 'filename' | 'received_on'>[]> {
  return run(
    m,
    qb
      .selectFrom('stored_files')
      .select(['filename', 'received_on'])
      .where('owner_type', '=', 'case')
      .where('owner_id', '=', caseId)
      .where('kind', '=', 'respondent-evidence')
      .$if(receivedBy !== undefined, (q) => q.where('received_on', '<=', receivedBy!))
      .orderBy('received_on')
      .orderBy('created_at'),
  );
}

export async function blobReferenced(m: SqlRunner, sha256: string): Promise<boolean> {
  return !!(await runFirst(
    m,
    qb
      .selectFrom('stored_files')
      .select(sql<number>`1`.as('one'))
      .where('sha256', '=', sha256)
      .limit(1),
  ));
}

/** Every blob with the ids of the files that reference it. */
export async function blobsWithFiles(m: SqlRunner): Promise<Array<RowOf<'stored_files', 'sha256'> & { ids: string[] }>> {
  return run(
    m,
    qb
      .selectFrom('stored_files')
      .select(['sha256', sql<string[]>`array_agg(id::text ORDER BY id)`.as('ids')])
      .groupBy('sha256')
      .orderBy('sha256'),
  );
}

export interface ReplyFacts {
  /** reply_received event's data.receivedOn */
  received_on: string | null;
  /** how many documents the reply listed */
  listed: number;
  due: Row<'case_clocks'>['due_date'] | null;
}

/**
 * The latest recorded reply of a case and the due date of its reply clock (case_events and case_clocks are read,
 * never written, here). Raw SQL: JSON paths and a correlated sub-select.
 */
export async function latestReply(m: SqlRunner, caseId: string): Promise<ReplyFacts | undefined> {
  const [reply] = await rawRows<ReplyFacts>(
    m,
    `SELECT e.data->>'receivedOn' AS received_on, COALESCE(jsonb_array_length(e.data->'documents'), 0) AS listed,
            (SELECT k.due_date FROM case_clocks k WHERE k.case_id = e.case_id AND k.rule IN ('respondent-reply', 'simplified-reply')
              ORDER BY k.start_date DESC LIMIT 1) AS due
       FROM case_events e WHERE e.case_id = $1 AND e.type = 'reply_received' ORDER BY e.id DESC LIMIT 1`,
    [caseId],
  );
  return reply;
}
