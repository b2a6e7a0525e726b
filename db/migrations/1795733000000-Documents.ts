// Documents (libs/documents): issued .docx per case, numbered per type and year, immutable for the app role.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Documents1795733000000 implements MigrationInterface {
    name = 'Documents1795733000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "number" text NOT NULL, "title" character varying(100) NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'issued', "content" bytea NOT NULL, "sha256" character(64) NOT NULL, "issued_by" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "data" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_9a2d2ceeefa232f683c414986ad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_documents_version" ON "case_documents"  ("case_id", "type", "version") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_documents_number" ON "case_documents"  ("type", "year", "seq") `);
        await queryRunner.query(`CREATE TABLE "document_counters" ("type" character varying(40) NOT NULL, "year" integer NOT NULL, "last_seq" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_f5a0d3a0a61fa9878689a5c4c3d" PRIMARY KEY ("type", "year"))`);
        // An issued document is never changed or removed: a correction is a new version (a new row). The default
        // privileges of AppRoleGrants gave fuyi_app full rights on the new table; take back all but SELECT, INSERT.
        await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "case_documents" FROM fuyi_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "document_counters"`);
        await queryRunner.query(`DROP INDEX "public"."uq_case_documents_number"`);
        await queryRunner.query(`DROP INDEX "public"."uq_case_documents_version"`);
        await queryRunner.query(`DROP TABLE "case_documents"`);
    }

}
