import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mediation centre (issue #5): files, parties (personal data encrypted), mediator profiles (skills, coordinator flag,
 * conflicts), assignments with objections, sessions. The app role gets its rights through the default privileges of
 * AppRoleGrants; nothing here is append-only.
 */
export class Mediation1795740000000 implements MigrationInterface {
  name = 'Mediation1795740000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "mediation_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "state" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT '1', "source" character varying(16) NOT NULL, "category" character varying(24) NOT NULL, "township_id" integer, "respondent_department_id" integer, "consultation_id" uuid, "case_id" uuid, "court_reference" character varying(100), "applicant_wants" text NOT NULL, "act_known_date" date, "application_due" date, "taken_on" date, "mediation_due" date, "extension_days" integer NOT NULL DEFAULT '0', "case_suspended_from" date, "due_warned_for" date, "warnings" jsonb NOT NULL DEFAULT '[]', "outcome" character varying(24), "outcome_on" date, "outcome_detail" jsonb, "follow_up" jsonb, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e63096275258ef404d36f5b5897" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_mediation_files_case" ON "mediation_files"  ("case_id")`);
    await q.query(`CREATE INDEX "idx_mediation_files_state" ON "mediation_files"  ("state", "created_at")`);
    await q.query(`CREATE TABLE "mediation_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "id_number_enc" text, "id_number_index" character(64), "phone_enc" text, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ed15446ad40469de614286d84c3" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_mediation_parties_id_index" ON "mediation_parties"  ("id_number_index")`);
    await q.query(`CREATE INDEX "idx_mediation_parties_file" ON "mediation_parties"  ("file_id")`);
    await q.query(`CREATE TABLE "mediator_profiles" ("user_id" uuid NOT NULL, "skills" jsonb NOT NULL DEFAULT '[]', "is_coordinator" boolean NOT NULL DEFAULT false, "conflict_department_ids" jsonb NOT NULL DEFAULT '[]', "conflict_party_indexes" jsonb NOT NULL DEFAULT '[]', "conflict_party_names" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_58af3731c43fc59cd1ee7947d29" PRIMARY KEY ("user_id"))`);
    await q.query(`CREATE TABLE "mediation_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_id" uuid NOT NULL, "mediator_id" uuid NOT NULL, "assigned_by" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(16), "objection" jsonb, CONSTRAINT "PK_5ee030dde33fbc48af4362e7050" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_mediation_assignments_mediator" ON "mediation_assignments"  ("mediator_id", "ended_at")`);
    await q.query(`CREATE INDEX "idx_mediation_assignments_file" ON "mediation_assignments"  ("file_id")`);
    await q.query(`CREATE TABLE "mediation_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "mode" character varying(16) NOT NULL, "place" character varying(200) NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "participants" jsonb NOT NULL DEFAULT '[]', "attendance" jsonb, "minutes" text, "status" character varying(16) NOT NULL DEFAULT 'scheduled', "version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce9ebea65a0c9443fab7ce7ac61" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_mediation_sessions_file" ON "mediation_sessions"  ("file_id", "scheduled_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mediation_sessions"`);
    await q.query(`DROP TABLE "mediation_assignments"`);
    await q.query(`DROP TABLE "mediator_profiles"`);
    await q.query(`DROP TABLE "mediation_parties"`);
    await q.query(`DROP TABLE "mediation_files"`);
  }
}
