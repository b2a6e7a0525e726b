/** What the conflict check needs to know about a mediator (profile) and a file. Plain data. */
export interface MediatorConflicts {
  departmentIds: readonly number[];
  /** Blind indexes of ID numbers of people the mediator is related to. */
  partyIndexes: readonly string[];
  /** Names of people or organisations the mediator is related to (when no ID number is known). */
  partyNames: readonly string[];
}

export interface FileParties {
  respondentDepartmentId: number | null;
  parties: ReadonlyArray<{ name: string; idIndex: string | null }>;
}

export type ConflictReason = 'respondent_department' | 'party';

/**
 * A mediator linked to a party or to the respondent department cannot take the file (domain.md §6). Returns the
 * reason, or null when there is none; never which party (errors must not echo personal data).
 */
export function conflictOf(m: MediatorConflicts, f: FileParties): ConflictReason | null {
  if (f.respondentDepartmentId != null && m.departmentIds.includes(f.respondentDepartmentId)) return 'respondent_department';
  const names = new Set(m.partyNames.map((n) => n.trim()));
  const indexes = new Set(m.partyIndexes);
  if (f.parties.some((p) => names.has(p.name.trim()) || (p.idIndex != null && indexes.has(p.idIndex)))) return 'party';
  return null;
}
