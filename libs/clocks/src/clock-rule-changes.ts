import type { EntityManager } from 'typeorm';
import { AuditService, type TimeSource } from '@fuyi/platform';
import { loadCalendar } from './calendar.service';
import { lockCalendarExclusive } from './calendar-lock';
import { ClockRecomputer } from './clock-recomputer';
import type { ClockMoveListeners } from './clock-move-listeners';
import { MilestoneWriter } from './milestone-writer';
import { latestCalendarVersion } from './stores/calendar.store';
import { caseNumbersOf } from './stores/clocks.store';
import { appliedRuleChange, recordRuleChange } from './stores/rule-changes.store';

export interface ClockRuleChange {
  id: string;
  reason: string;
}

/**
 * Issue 12 item 1 (domain.md §4 corrected): suspended days lengthen the period itself and day N is rolled forward
 * once. Clocks computed by the replaced rule (roll forward first, then add the suspended days) are moved once.
 */
export const SUSPENSION_RULE_CHANGE: ClockRuleChange = {
  id: 'suspension-rolled-forward-once',
  reason: '期限计算规则更正：中止期间延长期间本身（第N日加中止日数后只顺延一次至工作日），原规则先顺延后加中止日数，届满日可能晚于法定日期',
};

export interface RuleChangeResult {
  applied: boolean;
  clocksRecomputed: number;
  examples: Array<{ caseNumber: string; rule: string; oldDue: string; newDue: string }>;
}

/**
 * Applies a rule correction to the open suspended clocks once, as a calendar change moves clocks: under the exclusive
 * calendar lock, the listeners told which clocks moved (libs/cases writes old and new dates on each case's timeline and
 * tells its handler: pass `caseClockMoveListeners(…)` from @fuyi/cases). A change
 * already recorded in clock_rule_changes is skipped, so running it again (migration, CLI) is harmless.
 */
export async function applyClockRuleChange(
  m: EntityManager, change: ClockRuleChange, listeners: ClockMoveListeners, time: Pick<TimeSource, 'now'>, makeUpDaysCount = true, audit = new AuditService(),
): Promise<RuleChangeResult> {
  await lockCalendarExclusive(m);
  const done = await appliedRuleChange(m, change.id);
  if (done) return { applied: false, clocksRecomputed: done.clocks_recomputed, examples: done.examples };
  const v = await latestCalendarVersion(m);
  const calendar = await loadCalendar(m, v, makeUpDaysCount);
  const recomputer = new ClockRecomputer(new MilestoneWriter(time as TimeSource), listeners);
  const moved = await recomputer.recomputeSuspended(m, calendar, { calendarVersion: v, ruleChange: change.id, title: '期限计算规则更正，期限已重新计算' });
  const sample = moved.slice(0, 5);
  const numbers = await caseNumbersOf(m, sample.map((x) => x.caseId));
  const examples = sample.map((x) => ({ caseNumber: numbers.get(x.caseId) ?? x.caseId, rule: x.rule, oldDue: x.oldDue, newDue: x.newDue }));
  await recordRuleChange(m, { id: change.id, reason: change.reason, calendarVersion: v, clocksRecomputed: moved.length, examples });
  // The deployment's AuditService (its AUDIT_KEY seals the chain head): a development key here would read as forged later.
  await audit.record(m, {
    action: 'clocks.rule_change', subjectType: 'calendar', subjectId: 'calendar', actor: null,
    summary: { ruleChange: change.id, clocksRecomputed: moved.length },
  });
  return { applied: true, clocksRecomputed: moved.length, examples };
}
