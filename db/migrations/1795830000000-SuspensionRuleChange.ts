import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyClockRuleChange, SUSPENSION_RULE_CHANGE } from '@fuyi/clocks';

/**
 * Issue 12 item 1: the suspension rule was corrected (suspended days lengthen the period; day N is rolled forward
 * once). The open clocks the replaced rule computed are moved once, recorded as a clock-rule change in
 * clock_rule_changes (old and new dates on each case's timeline, the handler told), as a calendar change moves clocks.
 * Idempotent: applyClockRuleChange skips a change already recorded.
 */
export class SuspensionRuleChange1795830000000 implements MigrationInterface {
  name = 'SuspensionRuleChange1795830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "clock_rule_changes" ("id" character varying(64) NOT NULL, "reason" text NOT NULL, "calendar_version" integer NOT NULL, "clocks_recomputed" integer NOT NULL, "examples" jsonb NOT NULL DEFAULT '[]', "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_clock_rule_changes" PRIMARY KEY ("id"))`);
    const result = await applyClockRuleChange(q.manager, SUSPENSION_RULE_CHANGE, { now: () => new Date() }, process.env.MAKE_UP_DAYS_COUNT !== 'false');
    if (result.clocksRecomputed) console.log(`期限计算规则更正：${result.clocksRecomputed} 个未结期限已重新计算`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "clock_rule_changes"`);
  }
}
