// Statutory clocks (issue: libs/deadlines): the calendar table with versions, clocks as rows, notifications.
// The acceptance due date moves from a column on cases to the acceptance-review clock.
import { MigrationInterface, QueryRunner } from "typeorm";

export class StatutoryClocks1795729941839 implements MigrationInterface {
    name = 'StatutoryClocks1795729941839'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_days" ("date" date NOT NULL, "kind" character varying(16) NOT NULL, "name" character varying(64) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_1c04d56e8833eb6827f104f17e0" PRIMARY KEY ("date"))`);
        await queryRunner.query(`CREATE TABLE "calendar_years" ("year" integer NOT NULL, "source" character varying(32) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_1fed249d26e56ff06bb6dffd8d6" PRIMARY KEY ("year"))`);
        await queryRunner.query(`CREATE TABLE "calendar_versions" ("version" integer NOT NULL, "changed_by" uuid, "reason" text NOT NULL, "changes" jsonb NOT NULL, "clocks_recomputed" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41034ebb350ad0fa46ac9e58cff" PRIMARY KEY ("version"))`);
        await queryRunner.query(`CREATE TABLE "case_clocks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "rule" character varying(32) NOT NULL, "start_date" date NOT NULL, "due_date" date NOT NULL, "status" character varying(16) NOT NULL, "provisional" boolean NOT NULL DEFAULT false, "explanation" jsonb NOT NULL DEFAULT '[]', "calendar_version" integer NOT NULL, "suspensions" jsonb NOT NULL DEFAULT '[]', "extension_days" integer NOT NULL DEFAULT '0', "closed_on" date, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_679dc06a372c19ec97d35708975" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_clocks_open_due" ON "case_clocks"  ("due_date") WHERE status IN ('running', 'paused')`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_clocks_open_rule" ON "case_clocks"  ("case_id", "rule") WHERE status IN ('running', 'paused')`);
        await queryRunner.query(`CREATE INDEX "idx_clocks_case" ON "case_clocks"  ("case_id") `);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(48) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "case_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_notifications_user_unread" ON "notifications"  ("user_id", "id") WHERE read_at IS NULL`);
        await queryRunner.query(`ALTER TABLE "cases" ADD "handler_id" uuid`);
        // Cases still awaiting review keep their ARL 30 clock: carried over with calendar version 0 (the former weekday count).
        await queryRunner.query(`INSERT INTO "case_clocks" ("case_id", "rule", "start_date", "due_date", "status", "calendar_version", "explanation")
            SELECT "id", 'acceptance-review', ("receipt_at" AT TIME ZONE 'Asia/Shanghai')::date, "acceptance_due", 'running', 0,
                   '["由原受理期限字段迁移（按周一至周五计算），日历调整时将重新计算"]'::jsonb
              FROM "cases" WHERE "state" = 'registered' AND "acceptance_due" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "acceptance_due"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "handler_id"`);
        await queryRunner.query(`ALTER TABLE "cases" ADD "acceptance_due" date`);
        await queryRunner.query(`DROP INDEX "public"."idx_notifications_user_unread"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP INDEX "public"."idx_clocks_case"`);
        await queryRunner.query(`DROP INDEX "public"."uq_clocks_open_rule"`);
        await queryRunner.query(`DROP INDEX "public"."idx_clocks_open_due"`);
        await queryRunner.query(`DROP TABLE "case_clocks"`);
        await queryRunner.query(`DROP TABLE "calendar_versions"`);
        await queryRunner.query(`DROP TABLE "calendar_years"`);
        await queryRunner.query(`DROP TABLE "calendar_days"`);
    }

}
