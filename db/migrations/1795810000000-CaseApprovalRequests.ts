// Four eyes (issue #12 item 6): a handler submits an extension (ARL 62) or a termination (ARL 41); the office head,
// never the submitter, approves or returns it.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseApprovalRequests1795810000000 implements MigrationInterface {
  name = 'CaseApprovalRequests1795810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_approval_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, CONSTRAINT "PK_7e6a8144d60962072bf4fab5443" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_case_approval_requests_case" ON "case_approval_requests" ("case_id", "submitted_at") `);
    await q.query(`CREATE UNIQUE INDEX "uq_case_approval_requests_pending" ON "case_approval_requests" ("case_id", "kind") WHERE status = 'pending'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_case_approval_requests_pending"`);
    await q.query(`DROP INDEX "public"."idx_case_approval_requests_case"`);
    await q.query(`DROP TABLE "case_approval_requests"`);
  }
}
