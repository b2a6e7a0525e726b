import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** One entry of a case's timeline (case_events): what happened, who did it (null: the system), and its facts. */
export interface CaseEventInput {
  caseId: string;
  type: string;
  actorId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * The only writer of a case's timeline (issue 19 item 1: case_events belongs to the cases library). Other libraries
 * (documents, mediation, liaison, the clocks through the cases library's listener) append through it, in their own
 * transaction. The table is append-only: the application role may not UPDATE or DELETE it (issue 14).
 */
export const CaseTimeline = {
  async append(m: Db, e: CaseEventInput): Promise<void> {
    await m.query('INSERT INTO case_events (case_id, type, actor_id, data) VALUES ($1, $2, $3, $4)', [e.caseId, e.type, e.actorId ?? null, e.data ?? {}]);
  },

  /** Many entries in one statement (e.g. every clock a calendar change moved). */
  async appendMany(m: Db, events: readonly CaseEventInput[]): Promise<void> {
    if (!events.length) return;
    await m.query(
      `INSERT INTO case_events (case_id, type, actor_id, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[])`,
      [events.map((e) => e.caseId), events.map((e) => e.type), events.map((e) => e.actorId ?? null), events.map((e) => JSON.stringify(e.data ?? {}))],
    );
  },
};
