import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 items 2 and 3: login attempts counted per typed username (known or not) before the password check, in
 * their own table instead of three columns on users (an unknown name never locked, which told which names exist);
 * sessions remember the refresh tokens they rotated away, so a replay ends the session. A lock in force is carried over.
 */
export class LoginHardening1795840000000 implements MigrationInterface {
  name = 'LoginHardening1795840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "login_attempts" ("username_key" character varying(64) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "window_start" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_login_attempts" PRIMARY KEY ("username_key"))`);
    await q.query(`INSERT INTO "login_attempts" ("username_key", "attempts", "window_start", "locked_until")
      SELECT encode(sha256(convert_to(username, 'UTF8')), 'hex'), 5, now(), locked_until FROM users WHERE locked_until > now()`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "failed_logins"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "failed_window_start"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "locked_until"`);
    await q.query(`ALTER TABLE "sessions" ADD "used_refresh_hashes" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "sessions" ADD "revoked_reason" character varying(32)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sessions" DROP COLUMN "revoked_reason"`);
    await q.query(`ALTER TABLE "sessions" DROP COLUMN "used_refresh_hashes"`);
    await q.query(`ALTER TABLE "users" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ADD "failed_window_start" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ADD "failed_logins" integer NOT NULL DEFAULT '0'`);
    await q.query(`DROP TABLE "login_attempts"`);
  }
}
