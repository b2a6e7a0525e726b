import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 10: lawsuits against the district government or its departments recorded without a reconsideration
 * case (行政应诉), and every lawsuit's defence period (ALL 67: 15 days from receiving the complaint copy) with its
 * provisional flag and explanation, reminded like the other liaison due dates. Existing rows stay after_reconsideration.
 */
export class DirectLawsuits1795821000000 implements MigrationInterface {
  name = 'DirectLawsuits1795821000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "liaison_lawsuits" ALTER COLUMN "case_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "origin" character varying(24) NOT NULL DEFAULT 'after_reconsideration'`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "defendant_department_id" integer`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "plaintiffs" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "act" text`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "complaint_received_on" date`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "defence_due" date`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "defence_due_provisional" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "defence_due_explanation" jsonb`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ADD "defence_submitted_on" date`);
    await q.query(`CREATE INDEX "idx_liaison_lawsuits_defence_due" ON "liaison_lawsuits" ("defence_due") WHERE defence_submitted_on IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_liaison_lawsuits_defence_due"`);
    for (const c of ['defence_submitted_on', 'defence_due_explanation', 'defence_due_provisional', 'defence_due', 'complaint_received_on', 'act', 'plaintiffs', 'defendant_department_id', 'origin']) {
      await q.query(`ALTER TABLE "liaison_lawsuits" DROP COLUMN "${c}"`);
    }
    await q.query(`DELETE FROM "liaison_lawsuits" WHERE "case_id" IS NULL`);
    await q.query(`ALTER TABLE "liaison_lawsuits" ALTER COLUMN "case_id" SET NOT NULL`);
  }
}
