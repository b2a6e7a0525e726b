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
