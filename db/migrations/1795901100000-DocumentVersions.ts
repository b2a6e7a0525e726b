import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 item 6: an issued document's later versions (its signed and sealed scan, or a corrected file), uploaded
 * through libs/files (the blob and its stored_files row) and recorded here by libs/documents. Immutable like
 * case_documents: the app role may not change or remove a version.
 */
export class DocumentVersions1795901100000 implements MigrationInterface {
  name = 'DocumentVersions1795901100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "case_document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "version" integer NOT NULL, "reason" character varying(16) NOT NULL, "file_id" uuid NOT NULL, "filename" character varying(200) NOT NULL, "mime" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "note" character varying(200), "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_case_document_versions" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_case_document_versions_version" ON "case_document_versions" ("document_id", "version") `);
    await q.query(
      `ALTER TABLE "case_document_versions" ADD CONSTRAINT "fk_case_document_versions_document_id" FOREIGN KEY ("document_id") REFERENCES "case_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_document_versions" ADD CONSTRAINT "fk_case_document_versions_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "case_document_versions" FROM fuyi_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_document_versions"`);
  }
}
