import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '@fuyi/kernel';
import type { DocumentData } from './domain/document-types';

/** Placeholders filled from the case record; a caller cannot supply or override them. */
export const CASE_FACT_FIELDS = [
  'caseNumber', 'applicantNames', 'thirdPartyNames', 'respondent', 'act', 'receivedOn', 'acceptedOn', 'procedure',
  'acceptanceDue', 'decisionDue', 'materials', 'replyArticle', 'replyPeriod', 'office', 'issuedOn', 'documentNumber',
  // Per type, from the recorded steps (case-document-facts.ts).
  'items', 'reason', 'ground', 'suspendedOn', 'resumedOn', 'approvedOn', 'terminatedOn', 'hearingAt', 'hearingPlace', 'presidingOfficer',
  'hearingOfficers', 'hearingClerk', 'requests', 'applicantClaims', 'decisionText', 'decisionType', 'legalBasis', 'decidedOn',
] as const;

const PROCEDURE_LABELS: Record<string, string> = { ordinary: '普通程序', simplified: '简易程序' };
// ARL 48: reply within 10 days in the ordinary procedure; ARL 54: within 5 days in the simplified one.
const REPLY: Record<string, [string, string]> = { ordinary: ['第四十八条', '十日'], simplified: ['第五十四条', '五日'] };

/** Due date of the newest clock of these rules, an open one first. */
const dueOf = (rules: string) => `(SELECT k.due_date FROM case_clocks k WHERE k.case_id = c.id AND k.rule IN (${rules})
  ORDER BY (k.status IN ('running', 'paused')) DESC, k.due_date DESC LIMIT 1)`;

/**
 * What the case itself says, as placeholder values (names and dates only, never ID numbers, phones or addresses).
 * A fact the case does not have yet (no acceptance date before acceptance) is left out, so that a document which
 * needs it fails with DOCUMENT_DATA_MISSING naming it. Null when the case does not exist.
 */
export async function caseFacts(m: Pick<EntityManager, 'query'>, caseId: string): Promise<DocumentData | null> {
  const [c] = await m.query(
    `SELECT c.case_number, c.receipt_at, c.accepted_on, c.procedure, c.act_type, c.act_document_number, c.materials, d.name AS respondent,
       ARRAY(SELECT p.name FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant' ORDER BY p.position) AS applicants,
       ARRAY(SELECT p.name FROM case_parties p WHERE p.case_id = c.id AND p.role = 'third_party' ORDER BY p.position) AS third_parties,
       ${dueOf(`'acceptance-review'`)} AS acceptance_due, ${dueOf(`'decision', 'decision-simplified'`)} AS decision_due
     FROM cases c JOIN departments d ON d.id = c.respondent_department_id WHERE c.id = $1`,
    [caseId],
  );
  if (!c) return null;
  const facts: Record<string, string | string[] | null | undefined> = {
    caseNumber: c.case_number,
    applicantNames: c.applicants,
    thirdPartyNames: c.third_parties.length ? c.third_parties : null,
    respondent: c.respondent,
    act: `作出的${c.act_type}${c.act_document_number ? `（${c.act_document_number}）` : ''}`,
    receivedOn: shanghaiDate(new Date(c.receipt_at)),
    acceptedOn: c.accepted_on,
    procedure: c.procedure ? PROCEDURE_LABELS[c.procedure] : null,
    acceptanceDue: c.acceptance_due,
    decisionDue: c.decision_due,
    materials: (c.materials ?? []).map((x: { name: string; copies: number }) => `${x.name}（${x.copies}份）`),
    replyArticle: c.procedure ? REPLY[c.procedure]?.[0] : null,
    replyPeriod: c.procedure ? REPLY[c.procedure]?.[1] : null,
  };
  return Object.fromEntries(
    Object.entries(facts).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)),
  ) as DocumentData;
}
