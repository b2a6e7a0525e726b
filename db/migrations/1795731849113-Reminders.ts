// Reminders (apps/worker): milestones per running clock, fired reminders recorded once, policies, channel deliveries.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Reminders1795731849113 implements MigrationInterface {
    name = 'Reminders1795731849113'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "clock_milestones" ("id" BIGSERIAL NOT NULL, "clock_id" uuid NOT NULL, "case_id" uuid NOT NULL, "clock_version" integer NOT NULL, "key" character varying(40) NOT NULL, "kind" character varying(16) NOT NULL, "recipient_role" character varying(32) NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a379674a159cecbdf8ddc97085f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_milestones_clock" ON "clock_milestones"  ("clock_id") `);
        await queryRunner.query(`CREATE INDEX "idx_milestones_due" ON "clock_milestones"  ("fire_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE TABLE "reminders" ("id" BIGSERIAL NOT NULL, "milestone_id" bigint NOT NULL, "clock_id" uuid NOT NULL, "case_id" uuid NOT NULL, "milestone_key" character varying(40) NOT NULL, "clock_version" integer NOT NULL, "kind" character varying(16) NOT NULL, "recipient_role" character varying(32) NOT NULL DEFAULT 'handler', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_reminders_key" ON "reminders"  ("clock_id", "milestone_key", "recipient_role", "clock_version") `);
        await queryRunner.query(`CREATE INDEX "idx_reminders_fired" ON "reminders"  ("fired_at") `);
        await queryRunner.query(`CREATE TABLE "reminder_policies" ("rule" character varying(32) NOT NULL, "recipient_role" character varying(32) NOT NULL, "offsets" jsonb NOT NULL, "overdue_daily" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_f690d1ca339c2b67db3b896c0da" PRIMARY KEY ("rule", "recipient_role"))`);
        // Default (issue: reminders): 3 working days before, 1 before, the due day, and every working day while overdue.
        await queryRunner.query(`INSERT INTO "reminder_policies" ("rule", "recipient_role", "offsets", "overdue_daily") VALUES ('*', 'handler', '[-3, -1, 0]', true)`);
        await queryRunner.query(`CREATE TABLE "deliveries" ("id" BIGSERIAL NOT NULL, "notification_id" bigint NOT NULL, "user_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_deliveries_pending" ON "deliveries"  ("updated_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_deliveries_notification_channel" ON "deliveries"  ("notification_id", "channel") `);
        await queryRunner.query(`ALTER TABLE "notifications" ADD "reminder_id" bigint`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_notifications_reminder_user" ON "notifications"  ("reminder_id", "user_id") WHERE reminder_id IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_notifications_reminder_user"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "reminder_id"`);
        await queryRunner.query(`DROP INDEX "public"."uq_deliveries_notification_channel"`);
        await queryRunner.query(`DROP INDEX "public"."idx_deliveries_pending"`);
        await queryRunner.query(`DROP TABLE "deliveries"`);
        await queryRunner.query(`DROP TABLE "reminder_policies"`);
        await queryRunner.query(`DROP INDEX "public"."idx_reminders_fired"`);
        await queryRunner.query(`DROP INDEX "public"."uq_reminders_key"`);
        await queryRunner.query(`DROP TABLE "reminders"`);
        await queryRunner.query(`DROP INDEX "public"."idx_milestones_due"`);
        await queryRunner.query(`DROP INDEX "public"."idx_milestones_clock"`);
        await queryRunner.query(`DROP TABLE "clock_milestones"`);
    }

}
