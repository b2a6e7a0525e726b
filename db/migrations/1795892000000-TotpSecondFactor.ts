import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 4: an optional second factor (TOTP, RFC 6238). The secret is kept encrypted (FieldCipher); it counts
 * only once confirmed with a code. `totp_last_step` makes each code single-use: a step at or before it is refused.
 * `totp_required_roles`: the roles the security administrator requires a second factor of (a row = required).
 */
export class TotpSecondFactor1795892000000 implements MigrationInterface {
  name = 'TotpSecondFactor1795892000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "totp_secret" character varying(255)`);
    await q.query(`ALTER TABLE "users" ADD "totp_confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ADD "totp_last_step" bigint`);
    await q.query(`CREATE TABLE "totp_required_roles" ("role" character varying(32) NOT NULL, "set_by" uuid, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_totp_required_roles" PRIMARY KEY ("role"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "totp_required_roles"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "totp_confirmed_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
  }
}
