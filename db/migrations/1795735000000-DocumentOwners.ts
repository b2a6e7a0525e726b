// Documents of the mediation centre and of court liaison belong to a mediation file, a risk notice or a letter, and
// only sometimes to a reconsideration case: every document gets an owner (kind + id); case_id stays for the case's
// timeline and list. Existing rows are case documents.
import { MigrationInterface, QueryRunner } from "typeorm";

export class DocumentOwners1795735000000 implements MigrationInterface {
    name = 'DocumentOwners1795735000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_documents" ADD "owner_kind" character varying(16) NOT NULL DEFAULT 'case'`);
        await queryRunner.query(`ALTER TABLE "case_documents" ADD "owner_id" uuid`);
        await queryRunner.query(`UPDATE "case_documents" SET "owner_id" = "case_id"`);
        await queryRunner.query(`ALTER TABLE "case_documents" ALTER COLUMN "owner_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "case_documents" ALTER COLUMN "owner_kind" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "case_documents" ALTER COLUMN "case_id" DROP NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."uq_case_documents_version"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_documents_version" ON "case_documents" ("owner_kind", "owner_id", "type", "version") `);
        await queryRunner.query(`CREATE INDEX "idx_case_documents_case" ON "case_documents" ("case_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_case_documents_case"`);
        await queryRunner.query(`DROP INDEX "public"."uq_case_documents_version"`);
        await queryRunner.query(`DELETE FROM "case_documents" WHERE "case_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_documents_version" ON "case_documents" ("case_id", "type", "version") `);
        await queryRunner.query(`ALTER TABLE "case_documents" ALTER COLUMN "case_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "case_documents" DROP COLUMN "owner_id"`);
        await queryRunner.query(`ALTER TABLE "case_documents" DROP COLUMN "owner_kind"`);
    }

}
