import { shanghaiDate } from '@fuyi/kernel';
import type { SqlRunner } from '@fuyi/platform';
import type { DocumentData } from './domain/document-types';
import * as Records from './stores/case-records.store';

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

/**
 * What the case itself says, as placeholder values (names and dates only, never ID numbers, phones or addresses).
 * A fact the case does not have yet (no acceptance date before acceptance) is left out, so that a document which
 * needs it fails with DOCUMENT_DATA_MISSING naming it. Null when the case does not exist.
 */
export async function caseFacts(m: SqlRunner, caseId: string): Promise<DocumentData | null> {
  const c = await Records.caseFactsRow(m, caseId);
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
    materials: ((c.materials as Array<{ name: string; copies: number }> | null) ?? []).map((x) => `${x.name}（${x.copies}份）`),
    replyArticle: c.procedure ? REPLY[c.procedure]?.[0] : null,
    replyPeriod: c.procedure ? REPLY[c.procedure]?.[1] : null,
  };
  return Object.fromEntries(
    Object.entries(facts).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)),
  ) as DocumentData;
}
