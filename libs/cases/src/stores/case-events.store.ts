import { rawExec, rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { WaiverKind } from '../domain/hearing-rules';
import { EVENT_DOCUMENT_OWNER_SQL } from '../queries/document-scope';

/**
 * The case timeline (case_events, append-only), typed through the generated schema (issue 19 item 2). Every function
 * runs in the caller's transaction (`m`).
 */

export interface NewCaseEvent {
  caseId: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export async function appendEvent(m: SqlRunner, e: NewCaseEvent): Promise<void> {
  await rawExec(m, 'INSERT INTO case_events (case_id, type, actor_id, data) VALUES ($1, $2, $3, $4)', [
    e.caseId,
    e.type,
    e.actorId,
    e.data,
  ]);
}

/** Many entries in one statement. */
export async function appendEvents(m: SqlRunner, events: readonly NewCaseEvent[]): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO case_events (case_id, type, actor_id, data)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[])`,
    [events.map((e) => e.caseId), events.map((e) => e.type), events.map((e) => e.actorId), events.map((e) => JSON.stringify(e.data))],
  );
}

/** The latest recorded hearing waiver of each kind (data->>'kind', 'reason', 'on'). */
export function latestHearingWaivers(m: SqlRunner, caseId: string): Promise<Array<{ kind: WaiverKind; reason: string; on: string }>> {
  return rawRows<{ kind: WaiverKind; reason: string; on: string }>(
    m,
    `SELECT DISTINCT ON (e.data->>'kind') e.data->>'kind' AS kind, e.data->>'reason' AS reason, e.data->>'on' AS on
       FROM case_events e WHERE e.case_id = $1 AND e.type = 'hearing_waived' ORDER BY e.data->>'kind', e.id DESC`,
    [caseId],
  );
}

/** The open suspension of a suspended case: ground and first day of its latest `suspend` event; undefined otherwise. */
export async function openSuspension(m: SqlRunner, caseId: string): Promise<{ ground: number; from: string } | undefined> {
  const [e] = await rawRows<{ ground: number; from: string }>(
    m,
    `SELECT (e.data->>'ground')::int AS ground, e.data->>'from' AS "from" FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.case_id = $1 AND c.state = 'suspended' AND e.type = 'suspend' ORDER BY e.id DESC LIMIT 1`,
    [caseId],
  );
  return e;
}

/** The ground of the latest `suspend` event of a suspended case (null ground when the event has none). */
export async function openSuspensionGround(m: SqlRunner, caseId: string): Promise<{ ground: number } | undefined> {
  const [e] = await rawRows<{ ground: number }>(
    m,
    `SELECT (e.data->>'ground')::int AS ground FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE e.case_id = $1 AND c.state = 'suspended' AND e.type = 'suspend' ORDER BY e.id DESC LIMIT 1`,
    [caseId],
  );
  return e;
}

/** ARL 31: whether a correction was ever requested on the case. */
export async function correctionRequested(m: SqlRunner, caseId: string): Promise<boolean> {
  const rows = await rawRows<{ '?column?': number }>(
    m,
    `SELECT 1 FROM case_events WHERE case_id = $1 AND type = 'request_correction' LIMIT 1`,
    [caseId],
  );
  return rows.length > 0;
}

/** case_events.data: always a JSON object (written from one, see appendEvent). */
type EventData = Record<string, unknown>;

export type TimelineRow = RowOf<'case_events', 'id' | 'occurred_at' | 'type' | 'actor_id'> & {
  data: EventData;
  /** users.display_name through a LEFT JOIN */
  actor: Row<'users'>['display_name'] | null;
};

/** A page of the timeline, oldest first, after event id `afterId`. */
export function timelinePage(m: SqlRunner, caseId: string, n: number, afterId: string | null): Promise<TimelineRow[]> {
  return rawRows<TimelineRow>(
    m,
    `SELECT e.id, e.occurred_at, e.type, e.actor_id, u.display_name AS actor, e.data
       FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.case_id = $1 ${afterId !== null ? 'AND e.id > $3' : ''}
      ORDER BY e.id LIMIT $2`,
    [caseId, n, ...(afterId !== null ? [afterId] : [])],
  );
}

export type DetailEventRow = RowOf<'case_events', 'id' | 'occurred_at' | 'type' | 'actor_id' | 'data'> & {
  /** case_documents.owner_kind of the issued document, through a LEFT JOIN */
  document_owner_kind: Row<'case_documents'>['owner_kind'] | null;
};

/** The whole timeline with each issued document's owner kind (who may see it). */
export function caseEventsWithDocumentOwner(m: SqlRunner, caseId: string): Promise<DetailEventRow[]> {
  return rawRows<DetailEventRow>(
    m,
    `SELECT e.id, e.occurred_at, e.type, e.actor_id, e.data, ${EVENT_DOCUMENT_OWNER_SQL.column}
       FROM case_events e ${EVENT_DOCUMENT_OWNER_SQL.join} WHERE e.case_id = $1 ORDER BY e.id`,
    [caseId],
  );
}
