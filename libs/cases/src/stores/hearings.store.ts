import { qb, rawExec, rawRows, run, runCounted, runFirst, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';

/**
 * Hearings of a case (case_hearings: hearing the parties, formal hearings) and who attended them
 * (case_hearing_attendance), typed through the generated schema (issue 19 item 2). Every function runs in the
 * caller's transaction (`m`).
 */

export async function scheduleHearing(
  m: SqlRunner,
  h: Pick<Row<'case_hearings'>, 'case_id' | 'kind' | 'held_on' | 'place' | 'notice_sent_on'> & { panel: unknown },
): Promise<string> {
  const [row] = await rawRows<RowOf<'case_hearings', 'id'>>(
    m,
    `INSERT INTO case_hearings (case_id, kind, held_on, place, panel, notice_sent_on) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [h.case_id, h.kind, h.held_on, h.place, h.panel ? JSON.stringify(h.panel) : null, h.notice_sent_on],
  );
  return row!.id;
}

/** The hearing's day, when it belongs to the case. */
export async function hearingDay(m: SqlRunner, caseId: string, hearingId: string): Promise<RowOf<'case_hearings', 'held_on'> | undefined> {
  const [r] = await rawRows<RowOf<'case_hearings', 'held_on'>>(
    m,
    `SELECT held_on::text AS held_on FROM case_hearings WHERE id = $1 AND case_id = $2`,
    [hearingId, caseId],
  );
  return r;
}

/** Minutes recorded: the hearing was held. False when the case has no such hearing. */
export async function recordMinutes(m: SqlRunner, caseId: string, hearingId: string, minutes: string): Promise<boolean> {
  const { affected } = await runCounted(
    m,
    qb.updateTable('case_hearings').set({ status: 'held', minutes }).where('id', '=', hearingId).where('case_id', '=', caseId),
  );
  return affected > 0;
}

/** The kinds of the case's held hearings. */
export function heldHearingKinds(m: SqlRunner, caseId: string): Promise<Array<RowOf<'case_hearings', 'kind'>>> {
  return run(m, qb.selectFrom('case_hearings').select('kind').where('case_id', '=', caseId).where('status', '=', 'held'));
}

/** The hearing locked while its attendance is replaced. */
export function lockHearing(
  m: SqlRunner,
  caseId: string,
  hearingId: string,
): Promise<RowOf<'case_hearings', 'kind' | 'status' | 'held_on'> | undefined> {
  return runFirst(
    m,
    qb
      .selectFrom('case_hearings')
      .select(['kind', 'status', 'held_on'])
      .where('id', '=', hearingId)
      .where('case_id', '=', caseId)
      .forUpdate(),
  );
}

export type AttendanceRow = Pick<
  Row<'case_hearing_attendance'>,
  'party_id' | 'side' | 'status' | 'represented_by' | 'head_attended' | 'head_name'
>;

/** Replaces the hearing's attendance with `rows`. */
export async function replaceAttendance(
  m: SqlRunner,
  hearingId: string,
  caseId: string,
  recordedBy: string,
  rows: readonly AttendanceRow[],
): Promise<void> {
  await run(m, qb.deleteFrom('case_hearing_attendance').where('hearing_id', '=', hearingId));
  await rawExec(
    m,
    `INSERT INTO case_hearing_attendance (hearing_id, case_id, party_id, side, status, represented_by, head_attended, head_name, recorded_by)
     SELECT $1, $2, party_id, side, status, represented_by, head_attended, head_name, $3
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[]) AS t(party_id, side, status, represented_by, head_attended, head_name)`,
    [
      hearingId,
      caseId,
      recordedBy,
      rows.map((r) => r.party_id),
      rows.map((r) => r.side),
      rows.map((r) => r.status),
      rows.map((r) => r.represented_by),
      rows.map((r) => r.head_attended),
      rows.map((r) => r.head_name),
    ],
  );
}

/** The names of the respondent's heads who attended a hearing of the case. */
export async function attendingHeads(m: SqlRunner, caseId: string): Promise<Array<{ head_name: string }>> {
  return rawRows<{ head_name: NonNullable<Row<'case_hearing_attendance'>['head_name']> }>(
    m,
    `SELECT head_name FROM case_hearing_attendance WHERE case_id = $1 AND head_name IS NOT NULL`,
    [caseId],
  );
}

/** The case and its respondent's name (the participation view). */
export async function caseRespondent(
  m: SqlRunner,
  caseId: string,
): Promise<(RowOf<'cases', 'id'> & { respondent: Row<'departments'>['name'] }) | undefined> {
  const [r] = await rawRows<RowOf<'cases', 'id'> & { respondent: Row<'departments'>['name'] }>(
    m,
    'SELECT c.id, d.name AS respondent FROM cases c JOIN departments d ON d.id = c.respondent_department_id WHERE c.id = $1',
    [caseId],
  );
  return r;
}

export type HearingRow = RowOf<'case_hearings', 'id' | 'kind' | 'held_on' | 'place' | 'status' | 'panel' | 'notice_sent_on'> & {
  has_minutes: boolean;
};

export function hearingsOfCase(m: SqlRunner, caseId: string): Promise<HearingRow[]> {
  return rawRows<HearingRow>(
    m,
    `SELECT id, kind, held_on, place, status, panel, notice_sent_on, minutes IS NOT NULL AS has_minutes FROM case_hearings WHERE case_id = $1 ORDER BY held_on, created_at`,
    [caseId],
  );
}

export type AttendanceView = RowOf<
  'case_hearing_attendance',
  'hearing_id' | 'party_id' | 'side' | 'status' | 'represented_by' | 'head_attended' | 'head_name'
> & {
  /** case_parties.name through a LEFT JOIN */
  name: Row<'case_parties'>['name'] | null;
};

export function attendanceOfCase(m: SqlRunner, caseId: string): Promise<AttendanceView[]> {
  return rawRows<AttendanceView>(
    m,
    `SELECT a.hearing_id, a.party_id, a.side, a.status, a.represented_by, a.head_attended, a.head_name, p.name
       FROM case_hearing_attendance a LEFT JOIN case_parties p ON p.id = a.party_id WHERE a.case_id = $1 ORDER BY a.side, p.position`,
    [caseId],
  );
}

export const ATTENDANCE_COUNT_FIELDS = [
  'held',
  'formal_hearings',
  'listening_sessions',
  'without_attendance',
  'respondent_recorded',
  'respondent_attended',
  'respondent_represented',
  'respondent_absent',
  'head_attended',
  'parties_attended',
  'parties_represented',
  'parties_absent',
] as const;
export type AttendanceCountRow = { period: string } & Record<(typeof ATTENDANCE_COUNT_FIELDS)[number], number>;

/** Held hearings per period (`to_char` format), with the attendance counts. */
export function attendanceCounts(m: SqlRunner, from: string, to: string, periodFormat: string): Promise<AttendanceCountRow[]> {
  return rawRows<AttendanceCountRow>(
    m,
    `SELECT to_char(h.held_on, $3) AS period, count(*)::int AS held,
            count(*) FILTER (WHERE h.kind = 'formal')::int AS formal_hearings, count(*) FILTER (WHERE h.kind = 'listening')::int AS listening_sessions,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM case_hearing_attendance x WHERE x.hearing_id = h.id))::int AS without_attendance,
            count(r.id)::int AS respondent_recorded,
            count(*) FILTER (WHERE r.status = 'attended')::int AS respondent_attended,
            count(*) FILTER (WHERE r.status = 'represented')::int AS respondent_represented,
            count(*) FILTER (WHERE r.status = 'absent')::int AS respondent_absent,
            count(*) FILTER (WHERE r.head_attended)::int AS head_attended,
            coalesce(sum(p.attended), 0)::int AS parties_attended, coalesce(sum(p.represented), 0)::int AS parties_represented,
            coalesce(sum(p.absent), 0)::int AS parties_absent
       FROM case_hearings h
       LEFT JOIN case_hearing_attendance r ON r.hearing_id = h.id AND r.side = 'respondent'
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE a.status = 'attended') AS attended, count(*) FILTER (WHERE a.status = 'represented') AS represented,
                                 count(*) FILTER (WHERE a.status = 'absent') AS absent
                            FROM case_hearing_attendance a WHERE a.hearing_id = h.id AND a.side <> 'respondent') p ON true
      WHERE h.status = 'held' AND h.held_on BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY 1`,
    [from, to, periodFormat],
  );
}
