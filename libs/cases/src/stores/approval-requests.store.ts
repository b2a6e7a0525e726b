import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Requests awaiting the office head's approval (case_approval_requests: extensions, terminations), typed through the
 * generated schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

export type PendingRequestRow = RowOf<'case_approval_requests', 'id' | 'kind' | 'submitted_by'> & { payload: Record<string, any> };

/** The case's pending request of this kind, locked (FOR UPDATE). */
export async function lockPendingRequest(m: SqlRunner, caseId: string, kind: string): Promise<PendingRequestRow | undefined> {
  const [r] = await rawRows<PendingRequestRow>(
    m,
    `SELECT id, kind, payload, submitted_by FROM case_approval_requests WHERE case_id = $1 AND kind = $2 AND status = 'pending' FOR UPDATE`,
    [caseId, kind],
  );
  return r;
}

/** Whether the case has a pending request of this kind. */
export async function hasPendingRequest(m: SqlRunner, caseId: string, kind: string): Promise<boolean> {
  const rows = await rawRows<{ '?column?': number }>(
    m,
    `SELECT 1 FROM case_approval_requests WHERE case_id = $1 AND kind = $2 AND status = 'pending'`,
    [caseId, kind],
  );
  return rows.length > 0;
}

export async function submitRequest(
  m: SqlRunner,
  r: Pick<Row<'case_approval_requests'>, 'case_id' | 'kind' | 'submitted_by'> & { payload: Record<string, unknown> },
): Promise<string> {
  const [row] = await rawRows<RowOf<'case_approval_requests', 'id'>>(
    m,
    `INSERT INTO case_approval_requests (case_id, kind, payload, submitted_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [r.case_id, r.kind, JSON.stringify(r.payload), r.submitted_by],
  );
  return row!.id;
}

/** A pending request approved or returned; `extra` is merged into its payload. */
export async function settleRequest(
  m: SqlRunner,
  requestId: string,
  s: { status: 'approved' | 'returned'; decidedBy: string; reason: string | null; extra: Record<string, unknown> },
): Promise<void> {
  await rawExec(
    m,
    `UPDATE case_approval_requests SET status = $2, decided_by = $3, decided_at = now(), return_reason = $4, payload = payload || $5::jsonb
      WHERE id = $1 AND status = 'pending'`,
    [requestId, s.status, s.decidedBy, s.reason, JSON.stringify(s.extra)],
  );
}

/** Every request still pending on the case is cancelled. */
export async function cancelPendingRequests(m: SqlRunner, caseId: string, decidedBy: string): Promise<void> {
  await rawExec(
    m,
    `UPDATE case_approval_requests SET status = 'cancelled', decided_by = $2, decided_at = now() WHERE case_id = $1 AND status = 'pending'`,
    [caseId, decidedBy],
  );
}

export type RequestRow = RowOf<
  'case_approval_requests',
  'id' | 'kind' | 'status' | 'submitted_by' | 'submitted_at' | 'decided_by' | 'decided_at' | 'return_reason'
> & { payload: Record<string, unknown> };

/** The case's requests, oldest first. */
export function requestsOfCase(m: SqlRunner, caseId: string): Promise<RequestRow[]> {
  return rawRows<RequestRow>(
    m,
    `SELECT id, kind, status, payload, submitted_by, submitted_at, decided_by, decided_at, return_reason
       FROM case_approval_requests WHERE case_id = $1 ORDER BY submitted_at, id`,
    [caseId],
  );
}

/** The day (Asia/Shanghai) the request was submitted. */
export async function submittedDay(m: SqlRunner, requestId: string): Promise<string> {
  const [r] = await rawRows<{ submitted: string }>(
    m,
    `SELECT (submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS submitted FROM case_approval_requests WHERE id = $1`,
    [requestId],
  );
  return r!.submitted;
}
