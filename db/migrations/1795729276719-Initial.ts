import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795729276719 implements MigrationInterface {
    name = 'Initial1795729276719'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "chain" character varying(80) NOT NULL, "seq" integer NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" character varying(32), "action" character varying(64) NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" character varying(64) NOT NULL, "summary" jsonb NOT NULL DEFAULT '{}', "request_id" character varying(64), "prev_hash" character(64), "hash" character(64) NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_chain_seq" ON "audit_log"  ("chain", "seq") `);
        await queryRunner.query(`CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "queue" character varying(64) NOT NULL, "job_name" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_pending" ON "outbox"  ("id") WHERE sent_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "scope" character varying(64) NOT NULL, "key" character varying(128) NOT NULL, "request_hash" character(64) NOT NULL, "status" character varying(16) NOT NULL, "status_code" integer, "response_enc" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0e5a877e0cd296419232cea4e2e" PRIMARY KEY ("user_id", "scope", "key"))`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(64) NOT NULL, "role" character varying(32) NOT NULL, "township_id" integer, "active" boolean NOT NULL DEFAULT true, "password_hash" character varying(255) NOT NULL, "failed_logins" integer NOT NULL DEFAULT '0', "failed_window_start" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "refresh_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_sessions_user" ON "sessions"  ("user_id") `);
        await queryRunner.query(`CREATE TABLE "townships" ("id" integer NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, CONSTRAINT "UQ_c8e22f944b8265356df1ace1db6" UNIQUE ("code"), CONSTRAINT "PK_a6f5bba281bbcc5892fa589af16" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "departments" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "kind" character varying(16) NOT NULL, "township_id" integer, CONSTRAINT "UQ_8681da666ad9699d568b3e91064" UNIQUE ("name"), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_number" character varying(40) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "state" character varying(32) NOT NULL, "version" integer NOT NULL DEFAULT '1', "procedure" character varying(16), "simplified_reason" text, "township_id" integer, "registered_by" uuid NOT NULL, "channel" character varying(16) NOT NULL, "receipt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "respondent_department_id" integer NOT NULL, "category" character varying(32) NOT NULL, "act_type" character varying(64) NOT NULL, "act_document_number" character varying(100), "act_date" date, "act_known_date" date NOT NULL, "requests" text NOT NULL, "facts_reasons" text NOT NULL, "materials" jsonb NOT NULL DEFAULT '[]', "query_code_hash" character(64) NOT NULL, "acceptance_due" date, "review_outcome" jsonb, "accepted_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e4b62fdecb8c5dfac7caf8c312e" UNIQUE ("case_number"), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_cases_township" ON "cases"  ("township_id", "receipt_at") `);
        await queryRunner.query(`CREATE INDEX "idx_cases_intake_queue" ON "cases"  ("state", "receipt_at") `);
        await queryRunner.query(`CREATE TABLE "case_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "id_number_enc" text, "id_number_index" character(64), "phone_enc" text, "address_enc" text, "credit_code" character varying(18), "legal_representative" character varying(50), "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_06bc2ff7e3027f10692a04bd22b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_parties_id_index" ON "case_parties"  ("id_number_index") WHERE id_number_index IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "idx_parties_case" ON "case_parties"  ("case_id") `);
        await queryRunner.query(`CREATE TABLE "case_events" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(48) NOT NULL, "actor_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_case_events_case" ON "case_events"  ("case_id", "id") `);
        await queryRunner.query(`CREATE TABLE "case_number_counters" ("year" integer NOT NULL, "last_seq" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_3b97a397250d2bcac5c85a4c3a6" PRIMARY KEY ("year"))`);
        await queryRunner.query(`CREATE TABLE "consultations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_id" integer NOT NULL, "clerk_id" uuid NOT NULL, "consulted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "visitor_name" character varying(100) NOT NULL, "visitor_phone_enc" text, "topic" character varying(200) NOT NULL, "category" character varying(32) NOT NULL, "respondent_department_id" integer, "advice" text NOT NULL, "application_followed" boolean NOT NULL DEFAULT false, "case_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_consultations_township" ON "consultations"  ("township_id", "consulted_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_consultations_township"`);
        await queryRunner.query(`DROP TABLE "consultations"`);
        await queryRunner.query(`DROP TABLE "case_number_counters"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_events_case"`);
        await queryRunner.query(`DROP TABLE "case_events"`);
        await queryRunner.query(`DROP INDEX "public"."idx_parties_case"`);
        await queryRunner.query(`DROP INDEX "public"."idx_parties_id_index"`);
        await queryRunner.query(`DROP TABLE "case_parties"`);
        await queryRunner.query(`DROP INDEX "public"."idx_cases_intake_queue"`);
        await queryRunner.query(`DROP INDEX "public"."idx_cases_township"`);
        await queryRunner.query(`DROP TABLE "cases"`);
        await queryRunner.query(`DROP TABLE "departments"`);
        await queryRunner.query(`DROP TABLE "townships"`);
        await queryRunner.query(`DROP INDEX "public"."idx_sessions_user"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending"`);
        await queryRunner.query(`DROP TABLE "outbox"`);
        await queryRunner.query(`DROP INDEX "public"."uq_audit_chain_seq"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
