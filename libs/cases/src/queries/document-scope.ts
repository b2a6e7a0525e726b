import { Role, type Actor } from '@fuyi/kernel';

/** The one document of a mediation file the counter (township clerk) sees: the referral form it sent. */
export const COUNTER_MEDIATION_DOCUMENT_TYPES: readonly string[] = ['mediation-referral'];

/**
 * Which of a case's documents an actor sees, once the case itself is visible (caseScopeOf): a township clerk sees the
 * case's own documents and, of its mediation file, only the referral form; never the court-liaison documents (risk
 * notices, opinion and suggestion letters), which are the district's dealings with departments and courts. Other roles
 * that see the case see all of them. The mediation routes apply the same rule (libs/mediation COUNTER_DOCUMENT_TYPES).
 */
export function seesCaseDocument(actor: Actor, doc: { ownerKind: string; type: string }): boolean {
  if (actor.role !== Role.TownshipClerk) return true;
  if (doc.ownerKind === 'case') return true;
  if (doc.ownerKind === 'mediation') return COUNTER_MEDIATION_DOCUMENT_TYPES.includes(doc.type);
  return false;
}

/** Timeline events of the court-liaison track (letters, copy reports, lawsuits, risk notices): the district's dealings. */
const LIAISON_EVENT = /^(letter|copy_report|lawsuit|risk_notice)_/;

/**
 * Which timeline events an actor sees (issue 14 item 7): the same rule as the documents. A township clerk saw
 * `letter_issued` and `document_issued` of opinion letters that its document list hides; now an issued document shows
 * only when its document would, and liaison events not at all. `documentOwnerKind` is the issued document's owner.
 */
export function seesCaseEvent(actor: Actor, event: { type: string; data: any; documentOwnerKind?: string | null }): boolean {
  if (actor.role !== Role.TownshipClerk) return true;
  if (LIAISON_EVENT.test(event.type)) return false;
  if (event.type === 'document_issued') {
    return !!event.documentOwnerKind && seesCaseDocument(actor, { ownerKind: event.documentOwnerKind, type: String(event.data?.type ?? '') });
  }
  return true;
}

/** SELECT list and join that give each event its issued document's owner kind (alias `e` for case_events). */
export const EVENT_DOCUMENT_OWNER_SQL = {
  column: 'd.owner_kind AS document_owner_kind',
  join: `LEFT JOIN case_documents d ON e.type = 'document_issued' AND d.id::text = e.data->>'documentId'`,
};
