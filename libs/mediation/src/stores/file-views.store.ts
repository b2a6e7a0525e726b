import { rawRows, type Row, type SqlRunner } from '@fuyi/platform';
import type { FileRow, FileScope } from './files.store';

/**
 * Reading mediation files for people (lists, the detail view, the work list, figures, measures), typed through the
 * generated schema (issue 19 item 2). Read-only; `m` is the caller's transaction or an autocommit runner.
 */

// A pre-filing file shows the application its applicant filed since (through the consultation), before it is linked.
const JOINS = `FROM mediation_files f LEFT JOIN townships t ON t.id = f.township_id LEFT JOIN departments d ON d.id = f.respondent_department_id
  LEFT JOIN consultations co ON co.id = f.consultation_id AND f.case_id IS NULL AND f.source = 'intake'
  LEFT JOIN cases c ON c.id = coalesce(f.case_id, co.case_id)`;
const COLUMNS = `f.*, coalesce(f.case_id, co.case_id) AS linked_case_id, t.name AS township, d.name AS respondent, c.case_number, c.state AS case_state, c.version AS case_version`;
/** What a list row needs for its allowedActions, read in the list's own query (no query per row); `$n` is the caller. */
const actionColumns = (
  n: number,
) => `(SELECT count(*) FROM mediation_assignments x WHERE x.file_id = f.id AND x.ended_at IS NULL)::int AS current_mediators,
  EXISTS (SELECT 1 FROM mediation_assignments x WHERE x.file_id = f.id AND x.mediator_id = $${n} AND x.ended_at IS NULL) AS on_file`;

/** A file with its township, respondent and (linked or filed-since) case; LEFT JOINs, so each may be null. */
export type FileViewRow = FileRow & {
  linked_case_id: Row<'mediation_files'>['case_id'];
  township: Row<'townships'>['name'] | null;
  respondent: Row<'departments'>['name'] | null;
  case_number: Row<'cases'>['case_number'] | null;
  case_state: Row<'cases'>['state'] | null;
  case_version: Row<'cases'>['version'] | null;
};
/** A list row: also how many mediators are on the file and whether the caller is one of them. */
export type FileListRow = FileViewRow & { current_mediators: number; on_file: boolean };

/**
 * Newest first (creation time to the millisecond, then id), `limit` rows after the keyset cursor, optionally in one
 * state; `scope` numbered from $5, the caller (`userId`) after it.
 */
export function fileListPage(
  m: SqlRunner,
  q: { state: string | null; limit: number; afterAt: string | null; afterId: string | null; scope: FileScope; userId: string },
): Promise<FileListRow[]> {
  return rawRows<FileListRow>(
    m,
    `SELECT ${COLUMNS}, ${actionColumns(5 + q.scope.params.length)} ${JOINS} WHERE ($1::text IS NULL OR f.state = $1) AND ${q.scope.sql}
          AND ($3::timestamptz IS NULL OR date_trunc('milliseconds', f.created_at) < $3::timestamptz
            OR (date_trunc('milliseconds', f.created_at) = $3::timestamptz AND f.id > $4::uuid))
        ORDER BY date_trunc('milliseconds', f.created_at) DESC, f.id LIMIT $2`,
    [q.state, q.limit, q.afterAt, q.afterId, ...q.scope.params, q.userId],
  );
}

/** One file with its joins (visibility is the caller's: loadVisibleFile). */
export async function fileView(m: SqlRunner, fileId: string): Promise<FileViewRow> {
  const [r] = await rawRows<FileViewRow>(m, `SELECT ${COLUMNS} ${JOINS} WHERE f.id = $1`, [fileId]);
  return r;
}

/**
 * The work list: files matching `where` (conditions on `f` from workListConditions, whose first parameter is the
 * caller), nearest time limit first.
 */
export function workListFiles(m: SqlRunner, where: readonly string[], params: readonly unknown[]): Promise<FileListRow[]> {
  return rawRows<FileListRow>(
    m,
    `SELECT ${COLUMNS}, ${actionColumns(1)} ${JOINS} WHERE ${where.join(' AND ')} ORDER BY f.mediation_due NULLS FIRST, f.created_at`,
    [...params],
  );
}

/** Counts of files, one per condition set (each a list of conditions on `f`), in one statement. */
export async function countFilesEach(
  m: SqlRunner,
  conditions: ReadonlyArray<readonly string[]>,
  params: readonly unknown[],
): Promise<number[]> {
  const parts = conditions.map((where, i) => `(SELECT count(*)::int FROM mediation_files f WHERE ${where.join(' AND ')}) AS n${i}`);
  const [row] = await rawRows<Record<`n${number}`, number>>(m, `SELECT ${parts.join(', ')}`, [...params]);
  return conditions.map((_, i) => Number(row[`n${i}`]));
}

export type MeasureRow = {
  key: string;
  label: string;
  cases: number;
  agreements: number;
  withdrawals: number;
  failures: number;
  concluded: number;
  substantive: number;
  /** percentile_cont: a double precision, or null without outcomes. */
  median_days: number | null;
  performed: number;
};

/**
 * 调解工作统计 over files referred in [from, to] (Asia/Shanghai days), grouped by `group` (key and label expressions
 * and the join they need, chosen by code).
 */
export function mediationMeasures(
  m: SqlRunner,
  group: { key: string; label: string; join: string },
  q: { from: string; to: string; withdrawalOutcomes: readonly string[]; substantiveOutcomes: readonly string[] },
): Promise<MeasureRow[]> {
  return rawRows<MeasureRow>(
    m,
    `SELECT ${group.key} AS key, ${group.label} AS label,
              count(DISTINCT f.id)::int AS cases,
              count(DISTINCT f.id) FILTER (WHERE f.state = 'closed' AND f.outcome = 'agreement')::int AS agreements,
              count(DISTINCT f.id) FILTER (WHERE f.state = 'closed' AND f.outcome = ANY($3::text[]))::int AS withdrawals,
              count(DISTINCT f.id) FILTER (WHERE f.state = 'failed')::int AS failures,
              count(DISTINCT f.id) FILTER (WHERE f.state IN ('closed', 'failed'))::int AS concluded,
              count(DISTINCT f.id) FILTER (WHERE f.state = 'closed' AND f.outcome = ANY($4::text[]))::int AS substantive,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY f.outcome_on - (f.created_at AT TIME ZONE 'Asia/Shanghai')::date)
                FILTER (WHERE f.outcome_on IS NOT NULL) AS median_days,
              count(DISTINCT f.id) FILTER (WHERE f.outcome = 'agreement' AND (f.follow_up->>'performed')::boolean)::int AS performed
         FROM mediation_files f ${group.join}
        WHERE f.created_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND f.created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY 1, 2 ORDER BY cases DESC, label`,
    [q.from, q.to, [...q.withdrawalOutcomes], [...q.substantiveOutcomes]],
  );
}
