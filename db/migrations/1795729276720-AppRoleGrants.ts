import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The api and worker connect as `fuyi_app`, which may read and write the application's tables but
 * can never UPDATE, DELETE or TRUNCATE audit rows: the audit trail is append-only in the database
 * itself, not just by convention. Migrations run as the schema owner.
 */
export class AppRoleGrants1795729276720 implements MigrationInterface {
  name = 'AppRoleGrants1795729276720';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyi_app') THEN CREATE ROLE fuyi_app LOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO fuyi_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fuyi_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fuyi_app`);
    // Tables created by later migrations (run by the same owner) get the same rights.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fuyi_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fuyi_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM fuyi_app`);
    await q.query(`REVOKE ALL ON schema_migrations FROM fuyi_app`);
    await q.query(`GRANT SELECT ON schema_migrations TO fuyi_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM fuyi_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM fuyi_app`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM fuyi_app`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM fuyi_app`);
  }
}
