import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14 item 12: rate-limit counters in PostgreSQL, shared by every api process. */
export class SharedRateLimits1795840000004 implements MigrationInterface {
  name = 'SharedRateLimits1795840000004';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "rate_limits" ("key" character varying(128) NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limits"`);
  }
}
