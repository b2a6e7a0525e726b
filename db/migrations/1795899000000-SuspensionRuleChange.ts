import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AuditService, loadConfig } from '@fuyi/platform';
import { applyClockRuleChange, SUSPENSION_RULE_CHANGE } from '@fuyi/clocks';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';

/**
 * Issue 12 item 1: the suspension rule was corrected (suspended days lengthen the period; day N is rolled forward
 * once). The open clocks the replaced rule computed are moved once, recorded as a clock-rule change in
 * clock_rule_changes (old and new dates on each case's timeline, the handler told), as a calendar change moves clocks.
 * Idempotent: applyClockRuleChange skips a change already recorded.
 */
export class SuspensionRuleChange1795899000000 implements MigrationInterface {
  name = 'SuspensionRuleChange1795899000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "clock_rule_changes" ("id" character varying(64) NOT NULL, "reason" text NOT NULL, "calendar_version" integer NOT NULL, "clocks_recomputed" integer NOT NULL, "examples" jsonb NOT NULL DEFAULT '[]', "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_clock_rule_changes" PRIMARY KEY ("id"))`);
    // It runs the application's clock and audit code, so it comes after every migration that code needs (the audit
    // heads and client request ids of issue 14, the calendar columns of issue 15), and with the deployment's settings.
    const config = loadConfig();
    // The moved clocks go on each case's timeline and their handlers are told, through the cases library (issue 19):
    // in the inbox only, as this migration did when it was released (no SMS or e-mail burst when the worker starts).
    const listeners = caseClockMoveListeners(Notifier.standalone(q.connection, { notifications: { ...config.notifications, channels: [] } }));
    const result = await applyClockRuleChange(q.manager, SUSPENSION_RULE_CHANGE, listeners, { now: () => new Date() }, config.makeUpDaysCount, new AuditService(config));
    if (result.clocksRecomputed) console.log(`期限计算规则更正：${result.clocksRecomputed} 个未结期限已重新计算`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "clock_rule_changes"`);
  }
}
