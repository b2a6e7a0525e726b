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
