import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 item 7: a calendar change commits its new version at once and the open clocks are recomputed afterwards in
 * short batches, so intake is not held for the whole recompute. Each version records the days it touched and when its
 * recompute finished: a version still owed one (the process stopped midway) is finished by whoever looks next.
 */
export class CalendarRecomputeInBatches1795870000200 implements MigrationInterface {
  name = 'CalendarRecomputeInBatches1795870000200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calendar_versions" ADD "recompute_from" date`);
    await q.query(`ALTER TABLE "calendar_versions" ADD "recompute_to" date`);
    await q.query(`ALTER TABLE "calendar_versions" ADD "recomputed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "calendar_versions" SET "recomputed_at" = "created_at"`);
    await q.query(`CREATE INDEX "idx_calendar_versions_owed" ON "calendar_versions" ("version") WHERE recomputed_at IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_calendar_versions_owed"`);
    await q.query(`ALTER TABLE "calendar_versions" DROP COLUMN "recomputed_at"`);
    await q.query(`ALTER TABLE "calendar_versions" DROP COLUMN "recompute_to"`);
    await q.query(`ALTER TABLE "calendar_versions" DROP COLUMN "recompute_from"`);
  }
}
