import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 11 (ARL 79(2) 抄告): each department's superior (上一级主管部门, reference data the administrator sets;
 * the demo seed fills it) and the copies of effective decisions and opinion letters sent to it, with the 抄告函 issued.
 */
export class CopyReports1795822000000 implements MigrationInterface {
  name = 'CopyReports1795822000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "departments" ADD "superior" character varying(128)`);
    await q.query(`CREATE TABLE "liaison_copy_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "source_kind" character varying(16) NOT NULL, "source_id" uuid NOT NULL, "source_document_id" uuid, "respondent_department_id" integer NOT NULL, "superior" character varying(128), "effective_on" date NOT NULL, "state" character varying(16) NOT NULL, "pending_reason" text, "document_id" uuid, "issued_by" uuid, "issued_on" date, "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58af638ebe5c53615b82df7e626" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_liaison_copy_reports_source" ON "liaison_copy_reports" ("source_kind", "source_id") `);
    await q.query(`CREATE INDEX "idx_liaison_copy_reports_case" ON "liaison_copy_reports" ("case_id") `);
    await q.query(`CREATE INDEX "idx_liaison_copy_reports_pending" ON "liaison_copy_reports" ("created_at") WHERE state = 'pending'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "liaison_copy_reports"`);
    await q.query(`ALTER TABLE "departments" DROP COLUMN "superior"`);
  }
}
