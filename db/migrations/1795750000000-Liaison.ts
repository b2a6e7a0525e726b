import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Court liaison workflow (issue #6 items 1-3): risk notices with their recipient departments and the cases or
 * consultations behind them, opinion/suggestion letters with the ARL 76 feedback due date, lawsuits after
 * reconsideration (ALL 45) and the once-only reminders of the liaison scan. Due dates live on these rows:
 * case_clocks belong to reconsideration cases. Rights for fuyi_app come from the default privileges.
 */
export class Liaison1795750000000 implements MigrationInterface {
  name = 'Liaison1795750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "liaison_risk_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "summary" text NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "suggestions" jsonb NOT NULL DEFAULT '[]', "response_days" integer NOT NULL, "state" character varying(16) NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "approved_by" uuid, "rejection_note" text, "sent_on" date, "closed_on" date, "closing_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fd0912b5ecb0437b4d1fe5b452" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_liaison_risk_notices_state" ON "liaison_risk_notices"  ("state", "created_at") `);
    await q.query(`CREATE TABLE "liaison_notice_recipients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notice_id" uuid NOT NULL, "department_id" integer NOT NULL, "sent_on" date, "due_on" date, "acknowledged_on" date, "response" text, "response_on" date, CONSTRAINT "PK_70515ffbb09d6c88f5e15b2eac7" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_liaison_notice_recipients_due" ON "liaison_notice_recipients"  ("due_on") WHERE response_on IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_liaison_notice_recipient" ON "liaison_notice_recipients"  ("notice_id", "department_id") `);
    await q.query(`CREATE TABLE "liaison_notice_links" ("notice_id" uuid NOT NULL, "subject_kind" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, CONSTRAINT "PK_f3ab8e8c0dd110d2d02be49a73e" PRIMARY KEY ("notice_id", "subject_kind", "subject_id"))`);
    await q.query(`CREATE INDEX "idx_liaison_notice_links_subject" ON "liaison_notice_links"  ("subject_kind", "subject_id") `);
    await q.query(`CREATE TABLE "liaison_letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "case_id" uuid, "recipient_department_id" integer NOT NULL, "problems" jsonb NOT NULL DEFAULT '[]', "recommendations" jsonb NOT NULL DEFAULT '[]', "state" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "issued_by" uuid, "issued_on" date, "received_on" date, "feedback_due" date, "feedback_on" date, "feedback" text, "corrections_reported" jsonb, "escalated_at" TIMESTAMP WITH TIME ZONE, "closed_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24fd0d36c0e04c62125b32b3ddb" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_liaison_letters_due" ON "liaison_letters"  ("feedback_due") WHERE state = 'received'`);
    await q.query(`CREATE INDEX "idx_liaison_letters_case" ON "liaison_letters"  ("case_id") `);
    await q.query(`CREATE TABLE "liaison_lawsuits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "court" character varying(100) NOT NULL, "court_case_number" character varying(64) NOT NULL, "filed_on" date NOT NULL, "co_defendant" boolean NOT NULL, "hearings" jsonb NOT NULL DEFAULT '[]', "head_appeared" boolean NOT NULL DEFAULT false, "judgment_kind" character varying(24), "judgment_on" date, "judgment_summary" text, "version" integer NOT NULL DEFAULT '1', "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_39b6df6121e2be035f041955a98" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_liaison_lawsuits_court_number" ON "liaison_lawsuits"  ("court", "court_case_number") `);
    await q.query(`CREATE INDEX "idx_liaison_lawsuits_case" ON "liaison_lawsuits"  ("case_id") `);
    await q.query(`CREATE TABLE "liaison_reminders" ("id" BIGSERIAL NOT NULL, "subject_kind" character varying(24) NOT NULL, "subject_id" uuid NOT NULL, "milestone" character varying(16) NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e62550b7b62eb520f8399d69b34" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_liaison_reminders_key" ON "liaison_reminders"  ("subject_kind", "subject_id", "milestone") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['liaison_reminders', 'liaison_lawsuits', 'liaison_letters', 'liaison_notice_links', 'liaison_notice_recipients', 'liaison_risk_notices']) {
      await q.query(`DROP TABLE "${t}"`);
    }
  }
}
