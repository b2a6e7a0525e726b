import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After review: idempotency claims carry a token (a taken-over claim cannot complete); outbox rows that keep
 * failing are parked instead of blocking the queue; the public status lookup counts wrong query codes per case.
 */
export class HardeningAfterReview1795731408258 implements MigrationInterface {
  name = 'HardeningAfterReview1795731408258';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "status_code"`);
    await q.query(`ALTER TABLE "idempotency_keys" ADD "claim_token" uuid`);
    await q.query(`ALTER TABLE "outbox" ADD "parked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`DROP INDEX "public"."idx_outbox_pending"`);
    await q.query(`CREATE INDEX "idx_outbox_pending" ON "outbox" ("id") WHERE sent_at IS NULL AND parked_at IS NULL`);
    await q.query(`ALTER TABLE "cases" ADD "status_lookup_failures" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "cases" ADD "status_lookup_locked_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" DROP COLUMN "status_lookup_locked_until"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "status_lookup_failures"`);
    await q.query(`DROP INDEX "public"."idx_outbox_pending"`);
    await q.query(`CREATE INDEX "idx_outbox_pending" ON "outbox" ("id") WHERE sent_at IS NULL`);
    await q.query(`ALTER TABLE "outbox" DROP COLUMN "parked_at"`);
    await q.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "claim_token"`);
    await q.query(`ALTER TABLE "idempotency_keys" ADD "status_code" integer`);
  }
}
