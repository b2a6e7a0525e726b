// Hearings: 听取意见 and 听证 with panel and notice date.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Hearings1795734629613 implements MigrationInterface {
    name = 'Hearings1795734629613'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_hearings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "held_on" date NOT NULL, "place" character varying(200) NOT NULL, "panel" jsonb, "notice_sent_on" date, "status" character varying(16) NOT NULL DEFAULT 'scheduled', "minutes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_096f5edc7e64015932ec3f1d0b1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_case_hearings_case" ON "case_hearings"  ("case_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_case_hearings_case"`);
        await queryRunner.query(`DROP TABLE "case_hearings"`);
    }

}
