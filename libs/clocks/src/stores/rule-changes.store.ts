import { rawExec, rawRows, type RowOf, type SqlRunner } from '@fuyi/platform';

/** Applied corrections of the counting rule (clock_rule_changes), typed through the generated schema (issue 19 item 2). */

export type RuleChangeExample = { caseNumber: string; rule: string; oldDue: string; newDue: string };
export type AppliedRuleChange = RowOf<'clock_rule_changes', 'clocks_recomputed'> & { examples: RuleChangeExample[] };

/** The record of a rule change already applied, or undefined. */
export async function appliedRuleChange(m: SqlRunner, id: string): Promise<AppliedRuleChange | undefined> {
  const [row] = await rawRows<AppliedRuleChange>(m, 'SELECT clocks_recomputed, examples FROM clock_rule_changes WHERE id = $1', [id]);
  return row;
}

export async function recordRuleChange(
  m: SqlRunner,
  r: { id: string; reason: string; calendarVersion: number; clocksRecomputed: number; examples: RuleChangeExample[] },
): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO clock_rule_changes (id, reason, calendar_version, clocks_recomputed, examples) VALUES ($1, $2, $3, $4, $5)`,
    [r.id, r.reason, r.calendarVersion, r.clocksRecomputed, JSON.stringify(r.examples)],
  );
}
