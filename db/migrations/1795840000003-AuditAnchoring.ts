import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 6: each audit chain's head is kept in audit_heads, sealed by the application with AUDIT_KEY (not in
 * the database), so that removing a chain's last rows is detected; heads of existing chains are carried over unsealed
 * (sealed with their next row). The caller's X-Request-Id gets its own column. The application role may no longer
 * UPDATE or DELETE case_events (the timeline is append-only, like the audit log), nor delete a head.
 */
export class AuditAnchoring1795840000003 implements MigrationInterface {
  name = 'AuditAnchoring1795840000003';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_heads" ("chain" character varying(80) NOT NULL, "seq" integer NOT NULL, "hash" character(64) NOT NULL, "mac" character(64), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_heads" PRIMARY KEY ("chain"))`);
    await q.query(`ALTER TABLE "audit_log" ADD "client_request_id" character varying(64)`);
    await q.query(`INSERT INTO "audit_heads" ("chain", "seq", "hash")
      SELECT DISTINCT ON (chain) chain, seq, hash FROM audit_log ORDER BY chain, seq DESC`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyi_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON case_events FROM fuyi_app;
        REVOKE DELETE, TRUNCATE ON audit_heads FROM fuyi_app;
      END IF;
    END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyi_app') THEN GRANT UPDATE, DELETE ON case_events TO fuyi_app; END IF;
    END $$`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "client_request_id"`);
    await q.query(`DROP TABLE "audit_heads"`);
  }
}
