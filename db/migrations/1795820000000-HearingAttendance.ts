import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 12: who attended each held hearing of the parties (ARL 49) or formal hearing (ARL 50-51), per applicant
 * and third party, and the respondent with whether its head (负责人) took part. Default privileges give fuyi_app access.
 */
export class HearingAttendance1795820000000 implements MigrationInterface {
  name = 'HearingAttendance1795820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_hearing_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hearing_id" uuid NOT NULL, "case_id" uuid NOT NULL, "party_id" uuid, "side" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "represented_by" character varying(100), "head_attended" boolean, "head_name" character varying(100), "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac9a82b244a10d7e8d2257b9772" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_hearing_attendance_hearing" ON "case_hearing_attendance" ("hearing_id") `);
    await q.query(`CREATE INDEX "idx_hearing_attendance_case" ON "case_hearing_attendance" ("case_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_hearing_attendance_party" ON "case_hearing_attendance" ("hearing_id", "party_id") WHERE party_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_hearing_attendance_respondent" ON "case_hearing_attendance" ("hearing_id") WHERE side = 'respondent'`);
    // Held hearings by date, for the per-period counts.
    await q.query(`CREATE INDEX "idx_case_hearings_held" ON "case_hearings" ("held_on") WHERE status = 'held'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_case_hearings_held"`);
    await q.query(`DROP TABLE "case_hearing_attendance"`);
  }
}
