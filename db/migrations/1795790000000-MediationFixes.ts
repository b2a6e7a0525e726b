import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mediation centre, after review: separate "time limit passed" notice, ARL 20 application-deadline notices and the
 * deemed-acceptance notice of window files (once each), an index for the measures' created_at range, and the
 * application-period warning on the applicant's consultation record. Nothing append-only; default privileges apply.
 */
export class MediationFixes1795790000000 implements MigrationInterface {
  name = 'MediationFixes1795790000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mediation_files" ADD "overdue_warned_for" date`);
    await q.query(`ALTER TABLE "mediation_files" ADD "application_soon_noticed_on" date`);
    await q.query(`ALTER TABLE "mediation_files" ADD "application_due_noticed_on" date`);
    await q.query(`ALTER TABLE "mediation_files" ADD "case_accepted_noticed_on" date`);
    await q.query(`CREATE INDEX "idx_mediation_files_created" ON "mediation_files" ("created_at")`);
    await q.query(`ALTER TABLE "consultations" ADD "mediation_warning" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consultations" DROP COLUMN "mediation_warning"`);
    await q.query(`DROP INDEX "public"."idx_mediation_files_created"`);
    await q.query(`ALTER TABLE "mediation_files" DROP COLUMN "case_accepted_noticed_on"`);
    await q.query(`ALTER TABLE "mediation_files" DROP COLUMN "application_due_noticed_on"`);
    await q.query(`ALTER TABLE "mediation_files" DROP COLUMN "application_soon_noticed_on"`);
    await q.query(`ALTER TABLE "mediation_files" DROP COLUMN "overdue_warned_for"`);
  }
}
