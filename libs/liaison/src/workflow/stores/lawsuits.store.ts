import { rawRows, type Row, type RowOf, type SqlRunner } from '@fuyi/platform';
import type { Hearing } from '../domain/litigation';
import type { Camel } from './camel';

/**
 * Reads of the lawsuit aggregate (liaison_lawsuits: 行政应诉 after a case, or direct), typed through the generated
 * schema (issue 19 item 2). Every function runs in the caller's transaction (`m`).
 */

const LAWSUIT_COLUMNS = `l.id, l.case_id AS "caseId", c.case_number AS "caseNumber", l.court, l.court_case_number AS "courtCaseNumber",
  l.filed_on AS "filedOn", l.co_defendant AS "coDefendant", l.hearings, l.head_appeared AS "headAppeared", l.judgment_kind AS "judgmentKind",
  l.judgment_on AS "judgmentOn", l.judgment_summary AS "judgmentSummary", l.version, l.origin,
  l.defendant_department_id AS "defendantDepartmentId", CASE WHEN l.origin = 'direct' THEN coalesce(dd.name, '区人民政府') END AS defendant,
  l.plaintiffs, l.act, l.complaint_received_on AS "complaintReceivedOn", l.defence_due AS "defenceDue",
  l.defence_due_provisional AS "defenceDueProvisional", l.defence_due_explanation AS "defenceDueExplanation", l.defence_submitted_on AS "defenceSubmittedOn"`;
/** A direct suit (行政应诉 without a case) has no case row; its defendant is a department or the district government. */
const LAWSUIT_FROM =
  'liaison_lawsuits l LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN departments dd ON dd.id = l.defendant_department_id';

export type LawsuitRow = RowOf<'liaison_lawsuits', 'id' | 'court' | 'version' | 'origin' | 'plaintiffs' | 'act'> & {
  /** jsonb, written only through the lawsuit service (domain/litigation.ts). */
  hearings: Hearing[];
} & Camel<
    RowOf<
      'liaison_lawsuits',
      | 'case_id'
      | 'court_case_number'
      | 'filed_on'
      | 'co_defendant'
      | 'head_appeared'
      | 'judgment_kind'
      | 'judgment_on'
      | 'judgment_summary'
      | 'defendant_department_id'
      | 'complaint_received_on'
      | 'defence_due'
      | 'defence_due_provisional'
      | 'defence_due_explanation'
      | 'defence_submitted_on'
    >
  > & { caseNumber: Row<'cases'>['case_number'] | null; defendant: string | null };

/** One lawsuit with its case number and (direct suits) its defendant, or undefined. */
export async function lawsuit(m: SqlRunner, id: string): Promise<LawsuitRow | undefined> {
  const [row] = await rawRows<LawsuitRow>(m, `SELECT ${LAWSUIT_COLUMNS} FROM ${LAWSUIT_FROM} WHERE l.id = $1`, [id]);
  return row;
}

/** The lawsuits recorded against a case, by filing date. */
export function caseLawsuits(m: SqlRunner, caseId: string): Promise<LawsuitRow[]> {
  return rawRows<LawsuitRow>(m, `SELECT ${LAWSUIT_COLUMNS} FROM ${LAWSUIT_FROM} WHERE l.case_id = $1 ORDER BY l.filed_on`, [caseId]);
}

export type LawsuitWindowRow = RowOf<'cases', 'case_number'> & {
  decision_type: string | null;
  /** The latest lawsuit clock of the case (json_build_object: dates as 'YYYY-MM-DD' text). */
  clock: { start: string; due: string; status: string } | null;
};

/** A case's number, decision type and its latest lawsuit clock (ALL 45), or undefined. */
export async function caseLawsuitWindow(m: SqlRunner, caseId: string): Promise<LawsuitWindowRow | undefined> {
  const [row] = await rawRows<LawsuitWindowRow>(
    m,
    `SELECT c.case_number, c.decision->>'type' AS decision_type,
            (SELECT json_build_object('start', k.start_date, 'due', k.due_date, 'status', k.status) FROM case_clocks k
              WHERE k.case_id = c.id AND k.rule = 'lawsuit' ORDER BY k.start_date DESC LIMIT 1) AS clock
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

/** Whether the court already has a lawsuit with that case number (other than `exceptId`). */
export async function courtNumberTaken(m: SqlRunner, court: string, courtCaseNumber: string, exceptId?: string): Promise<boolean> {
  const rows =
    exceptId === undefined
      ? await rawRows<{ '?column?': number }>(m, 'SELECT 1 FROM liaison_lawsuits WHERE court = $1 AND court_case_number = $2', [
          court,
          courtCaseNumber,
        ])
      : await rawRows<{ '?column?': number }>(
          m,
          'SELECT 1 FROM liaison_lawsuits WHERE court = $1 AND court_case_number = $2 AND id <> $3',
          [court, courtCaseNumber, exceptId],
        );
  return rows.length > 0;
}

/** A lawsuit against a reconsideration decision of a case; returns its id and version. */
export async function insertCaseLawsuit(
  m: SqlRunner,
  f: { caseId: string; court: string; courtCaseNumber: string; filedOn: string; coDefendant: boolean; recordedBy: string },
) {
  const [row] = await rawRows<RowOf<'liaison_lawsuits', 'id' | 'version'>>(
    m,
    `INSERT INTO liaison_lawsuits (case_id, court, court_case_number, filed_on, co_defendant, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, version`,
    [f.caseId, f.court, f.courtCaseNumber, f.filedOn, f.coDefendant, f.recordedBy],
  );
  return row!;
}

/** A direct suit (行政应诉 without a case); returns its id and version. */
export async function insertDirectLawsuit(
  m: SqlRunner,
  f: {
    court: string;
    courtCaseNumber: string;
    filedOn: string;
    defendantDepartmentId: number | null;
    plaintiffs: string[];
    act: string;
    complaintReceivedOn: string | null;
    defenceDue: string | null;
    defenceDueProvisional: boolean;
    /** JSON text (or null) of how the defence due date was computed. */
    defenceDueExplanationJson: string | null;
    recordedBy: string;
  },
) {
  const [row] = await rawRows<RowOf<'liaison_lawsuits', 'id' | 'version'>>(
    m,
    `INSERT INTO liaison_lawsuits (case_id, origin, court, court_case_number, filed_on, co_defendant, defendant_department_id, plaintiffs, act,
       complaint_received_on, defence_due, defence_due_provisional, defence_due_explanation, recorded_by)
     VALUES (NULL, 'direct', $1, $2, $3, false, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, version`,
    [
      f.court,
      f.courtCaseNumber,
      f.filedOn,
      f.defendantDepartmentId,
      JSON.stringify(f.plaintiffs),
      f.act,
      f.complaintReceivedOn,
      f.defenceDue,
      f.defenceDueProvisional,
      f.defenceDueExplanationJson,
      f.recordedBy,
    ],
  );
  return row!;
}

/** The judgment side of a lawsuit, its row locked (FOR UPDATE); undefined when it is gone. */
export async function lockForJudgment(m: SqlRunner, id: string) {
  const [row] = await rawRows<
    RowOf<'liaison_lawsuits', 'filed_on' | 'judgment_kind' | 'judgment_on' | 'version'> & { hearings: Hearing[] }
  >(m, 'SELECT filed_on, hearings, judgment_kind, judgment_on, version FROM liaison_lawsuits WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

/** The defence side of a lawsuit, its row locked (FOR UPDATE); undefined when it is gone. */
export async function lockForDefence(m: SqlRunner, id: string) {
  const [row] = await rawRows<
    RowOf<'liaison_lawsuits', 'filed_on' | 'complaint_received_on' | 'defence_due' | 'defence_submitted_on' | 'version'>
  >(
    m,
    'SELECT filed_on, complaint_received_on, defence_due, defence_submitted_on, version FROM liaison_lawsuits WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row;
}

/** A department name and kind (a direct suit names a district body as defendant), or undefined. */
export async function department(m: SqlRunner, id: number) {
  const [row] = await rawRows<RowOf<'departments', 'name' | 'kind'>>(m, 'SELECT name, kind FROM departments WHERE id = $1', [id]);
  return row;
}
