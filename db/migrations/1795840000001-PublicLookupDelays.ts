import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 10: the public status lookup slows down per typed case number and per client address (progressive
 * delays) instead of locking a real case for an hour; the per-case lock columns go.
 */
export class PublicLookupDelays1795840000001 implements MigrationInterface {
  name = 'PublicLookupDelays1795840000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "public_lookup_attempts" ("key" character varying(80) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "window_start" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_allowed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_public_lookup_attempts" PRIMARY KEY ("key"))`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "status_lookup_locked_until"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "status_lookup_failures"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "status_lookup_failures" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "cases" ADD "status_lookup_locked_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`DROP TABLE "public_lookup_attempts"`);
  }
}
