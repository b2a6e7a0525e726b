// District adjudication: decision and closure on the case, per-party service of the decision.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Adjudication1795734424687 implements MigrationInterface {
    name = 'Adjudication1795734424687'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "party_id" uuid NOT NULL, "method" character varying(16) NOT NULL, "served_on" date NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c962f0248f398cd7273e31cc552" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_services_party" ON "case_services"  ("case_id", "party_id") `);
        await queryRunner.query(`ALTER TABLE "cases" ADD "decision" jsonb`);
        await queryRunner.query(`ALTER TABLE "cases" ADD "closure" jsonb`);
        await queryRunner.query(`ALTER TABLE "cases" ADD "published_text" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "published_text"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "closure"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "decision"`);
        await queryRunner.query(`DROP INDEX "public"."uq_case_services_party"`);
        await queryRunner.query(`DROP TABLE "case_services"`);
    }

}
