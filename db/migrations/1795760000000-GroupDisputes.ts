import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group-dispute detection (issue 6, item 4): the project and place of the disputed act on applications and
 * consultations (not personal data: the place of the land or structure, never the applicant's address), clusters of
 * records against one respondent about one act, project or place, their members with the reason each is in, and the
 * watermark of the periodic detection job.
 * Candidates are fetched per respondent department and date window: (respondent_department_id, date) indexes on both
 * record tables; the periodic job walks new records by (created_at, id).
 */
export class GroupDisputes1795760000000 implements MigrationInterface {
  name = 'GroupDisputes1795760000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['cases', 'consultations']) {
      await q.query(`ALTER TABLE "${table}" ADD "act_project" character varying(100)`);
      await q.query(`ALTER TABLE "${table}" ADD "act_place" character varying(200)`);
    }
    await q.query(`CREATE INDEX "idx_cases_respondent_receipt" ON "cases" ("respondent_department_id", "receipt_at") `);
    await q.query(`CREATE INDEX "idx_cases_created" ON "cases" ("created_at", "id") `);
    await q.query(`CREATE INDEX "idx_consultations_respondent_at" ON "consultations" ("respondent_department_id", "consulted_at") `);
    await q.query(`CREATE INDEX "idx_consultations_created" ON "consultations" ("created_at", "id") `);
    await q.query(`CREATE INDEX "idx_consultations_case" ON "consultations" ("case_id") `);
    await q.query(`CREATE TABLE "group_disputes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "respondent_department_id" integer NOT NULL,
      "key_kind" character varying(16) NOT NULL, "key_label" character varying(200) NOT NULL, "first_on" date NOT NULL, "last_on" date NOT NULL,
      "member_count" integer NOT NULL, "township_ids" integer array NOT NULL DEFAULT '{}', "state" character varying(16) NOT NULL DEFAULT 'open',
      "alerted_count" integer NOT NULL DEFAULT 0, "alert_notification_ids" bigint array NOT NULL DEFAULT '{}', "merged_into" uuid,
      "dismissed_by" uuid, "dismissed_reason" text, "dismissed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_group_disputes" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_group_disputes_state" ON "group_disputes" ("state", "last_on") `);
    await q.query(`CREATE TABLE "group_dispute_members" ("id" BIGSERIAL NOT NULL, "cluster_id" uuid NOT NULL,
      "record_kind" character varying(16) NOT NULL, "record_id" uuid NOT NULL, "record_on" date NOT NULL, "township_id" integer,
      "reason" text NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_group_dispute_members" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_group_dispute_members_record" ON "group_dispute_members" ("record_kind", "record_id", "cluster_id") `);
    await q.query(`CREATE INDEX "idx_group_dispute_members_cluster" ON "group_dispute_members" ("cluster_id", "record_on") `);
    await q.query(`CREATE TABLE "group_dispute_watermarks" ("record_kind" character varying(16) NOT NULL, "last_created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_group_dispute_watermarks" PRIMARY KEY ("record_kind"))`);
    // Records that exist before detection is deployed are not scanned as "new": start at the newest of each table.
    await q.query(`INSERT INTO "group_dispute_watermarks" ("record_kind", "last_created_at", "last_id")
      SELECT 'case', coalesce(max(created_at), '-infinity'), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid FROM cases
      UNION ALL SELECT 'consultation', coalesce(max(created_at), '-infinity'), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid FROM consultations`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "group_dispute_watermarks"`);
    await q.query(`DROP TABLE "group_dispute_members"`);
    await q.query(`DROP TABLE "group_disputes"`);
    for (const idx of ['idx_cases_respondent_receipt', 'idx_cases_created', 'idx_consultations_respondent_at', 'idx_consultations_created', 'idx_consultations_case']) {
      await q.query(`DROP INDEX "public"."${idx}"`);
    }
    for (const table of ['cases', 'consultations']) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "act_place"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "act_project"`);
    }
  }
}
