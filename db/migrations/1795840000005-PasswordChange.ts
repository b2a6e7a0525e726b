import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14 items 1 and 4: an account created or reset by an administrator must change its password at first login. */
export class PasswordChange1795840000005 implements MigrationInterface {
  name = 'PasswordChange1795840000005';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
  }
}
