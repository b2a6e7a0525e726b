import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 items 4-5 (阳光复议). Published decisions (ARL 79) get a table of their own that holds only the anonymised
 * text and what the public may filter by, with withdrawals kept. Texts published before this migration (names replaced
 * only) are not copied: the office publishes them again through the stricter anonymiser.
 * The public status lookup reads two views that expose no personal and no sealed field (no party, no request text,
 * no decision draft): the stage, its dates and the open statutory clocks.
 */
export class Sunshine1795860000000 implements MigrationInterface {
  name = 'Sunshine1795860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "decision_publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "case_number" character varying(40) NOT NULL, "respondent_department_id" integer NOT NULL, "category" character varying(32) NOT NULL, "decision_type" character varying(32) NOT NULL, "year" integer NOT NULL, "decided_on" date, "text" text NOT NULL, "published_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdrawal_reason" text, CONSTRAINT "PK_a0bd7250fb5e99832237c9cc078" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_decision_publications_search" ON "decision_publications"  ("year", "respondent_department_id") WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_decision_publications_live" ON "decision_publications"  ("case_id") WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE VIEW "public_case_status" AS
      SELECT c.id, c.case_number, c.state, c.procedure, (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on, c.accepted_on,
             c.updated_at, c.decision->>'decidedOn' AS decided_on, c.closure->>'kind' AS closure_kind,
             (SELECT (e.data->>'ground')::int FROM case_events e WHERE e.case_id = c.id AND e.type = 'suspend' ORDER BY e.id DESC LIMIT 1) AS suspension_ground
        FROM cases c`);
    await q.query(`CREATE VIEW "public_case_clocks" AS
      SELECT k.case_id, k.rule, k.due_date, k.status, k.provisional, k.extension_days FROM case_clocks k WHERE k.status IN ('running', 'paused')`);
    await q.query(`GRANT SELECT ON "public_case_status", "public_case_clocks" TO fuyi_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW "public_case_clocks"`);
    await q.query(`DROP VIEW "public_case_status"`);
    await q.query(`DROP TABLE "decision_publications"`);
  }
}
