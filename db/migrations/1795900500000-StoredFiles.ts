import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18: the materials and evidence of a case file (libs/files); the bytes are in the blob store, keyed by SHA-256. */
export class StoredFiles1795900500000 implements MigrationInterface {
  name = 'StoredFiles1795900500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "stored_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_type" character varying(16) NOT NULL, "owner_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "filename" character varying(200) NOT NULL, "mime" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "submitted_by" character varying(100) NOT NULL, "received_on" date NOT NULL, "scan_state" character varying(16) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_stored_files" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_stored_files_owner" ON "stored_files" ("owner_type", "owner_id") `);
    await q.query(`CREATE INDEX "idx_stored_files_sha256" ON "stored_files" ("sha256") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "stored_files"`);
  }
}
