/** What the conflict check needs to know about a mediator (profile) and a file. Plain data. */
export interface MediatorConflicts {
  departmentIds: readonly number[];
  /** Names of the departments in `departmentIds`: a respondent may be entered as a party by name only. */
  departmentNames?: readonly string[];
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
 * The comparable form of a person's or organisation's name: full-width forms folded (NFKC), bracketed remarks such as
 * 「（申请人）」 dropped, every kind of space and separator dot removed, Latin letters lower-cased. So 「王 五」,
 * 「王　五」 and 「王五（申请人）」 all compare equal to 「王五」.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[(（[【〔［][^)）\]】〕］]*[)）\]】〕］]/g, '')
    .replace(/[\s\u200b-\u200d\u2060\ufeff·・.]/g, '')
    .toLowerCase();
}

/**
 * A mediator linked to a party or to the respondent department cannot take the file (domain.md §6). A party whose name
 * is one of the conflicting departments counts as that department. Returns the reason, or null when there is none;
 * never which party (errors must not echo personal data).
 */
export function conflictOf(m: MediatorConflicts, f: FileParties): ConflictReason | null {
  if (f.respondentDepartmentId != null && m.departmentIds.includes(f.respondentDepartmentId)) return 'respondent_department';
  const departments = new Set((m.departmentNames ?? []).map(normaliseName).filter(Boolean));
  if (f.parties.some((p) => departments.has(normaliseName(p.name)))) return 'respondent_department';
  const names = new Set(m.partyNames.map(normaliseName).filter(Boolean));
  const indexes = new Set(m.partyIndexes);
  if (f.parties.some((p) => names.has(normaliseName(p.name)) || (p.idIndex != null && indexes.has(p.idIndex)))) return 'party';
  return null;
}
