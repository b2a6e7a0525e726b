import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Liaison due dates carry what case clocks carry (domain.md §4): whether they are provisional (they depend on a
 * year whose holiday arrangement is not published) and their explanation, so a calendar change can recompute them.
 * A risk-notice recipient's due date counts from the day it received the notice (due_from), not from sending.
 */
export class LiaisonDueDates1795770000000 implements MigrationInterface {
  name = 'LiaisonDueDates1795770000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "liaison_notice_recipients" ADD "due_from" date`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" ADD "due_provisional" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" ADD "due_explanation" jsonb`);
    await q.query(`UPDATE "liaison_notice_recipients" SET "due_from" = coalesce("acknowledged_on", "sent_on") WHERE "due_on" IS NOT NULL`);
    await q.query(`ALTER TABLE "liaison_letters" ADD "feedback_due_provisional" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "liaison_letters" ADD "feedback_due_explanation" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "liaison_letters" DROP COLUMN "feedback_due_explanation"`);
    await q.query(`ALTER TABLE "liaison_letters" DROP COLUMN "feedback_due_provisional"`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" DROP COLUMN "due_explanation"`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" DROP COLUMN "due_provisional"`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" DROP COLUMN "due_from"`);
  }
}
