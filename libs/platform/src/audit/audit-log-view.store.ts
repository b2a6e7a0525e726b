import { rawRows, type RowOf, type SqlRunner } from '../database/typed-sql';

/** The auditor's view of the log: GET /audit, its CSV export and the auditor's home figures (typed, issue 19 item 2). */

/** The auditor's filters (issue 14 item 5): by actor, action, subject and date (Asia/Shanghai calendar days, inclusive). */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

/** The columns the auditor reads (and the CSV export's header), in order: never the hash chain's own fields. */
export const AUDIT_LOG_COLUMNS = [
  'id',
  'chain',
  'seq',
  'occurred_at',
  'actor_id',
  'actor_role',
  'action',
  'subject_type',
  'subject_id',
  'summary',
  'request_id',
  'client_request_id',
] as const;

export type AuditLogRow = RowOf<'audit_log', (typeof AUDIT_LOG_COLUMNS)[number]>;

/** The filters' conditions ($1-$6), shared by the list, the export and the auditor's home figures (one set of conditions). */
const WHERE = `($1::uuid IS NULL OR actor_id = $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR subject_type = $3)
        AND ($4::text IS NULL OR subject_id = $4)
        AND ($5::date IS NULL OR occurred_at >= ($5::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
        AND ($6::date IS NULL OR occurred_at < (($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))`;
const filterParams = (f: AuditFilter) => [
  f.actorId ?? null,
  f.action ?? null,
  f.subjectType ?? null,
  f.subjectId ?? null,
  f.from ?? null,
  f.to ?? null,
];

/** Newest first: up to `limit` audit rows matching `filter`, before the row id `before` (a cursor) when given. */
export function auditLogPage(m: SqlRunner, filter: AuditFilter, limit: number, before: string | null = null): Promise<AuditLogRow[]> {
  // Raw SQL: every filter optional through typed NULL parameters, the days as Asia/Shanghai calendar days.
  return rawRows<AuditLogRow>(
    m,
    `SELECT ${AUDIT_LOG_COLUMNS.join(', ')} FROM audit_log WHERE ${WHERE} AND ($8::bigint IS NULL OR id < $8) ORDER BY id DESC LIMIT $7`,
    [...filterParams(filter), limit, before],
  );
}

/** How many rows the list shows for `filter` (the auditor's home figures: each opens the list so filtered). */
export async function auditLogCount(m: SqlRunner, filter: AuditFilter): Promise<number> {
  const [row] = await rawRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM audit_log WHERE ${WHERE}`, filterParams(filter));
  return row?.n ?? 0;
}
