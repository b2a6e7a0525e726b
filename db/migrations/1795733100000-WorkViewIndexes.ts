import type { MigrationInterface, QueryRunner } from 'typeorm';

// Cases over for the office (CLOSED_CASE_STATES in libs/cases/src/queries/work-view-filters.ts, as of this migration).
const OPEN = `state NOT IN ('refused', 'abandoned', 'terminated', 'mediated', 'archived')`;
const OPEN_CLOCK = `status IN ('running', 'paused')`;
// NAME_GRAMS_SQL('name') in work-view-filters.ts: the same expression, or the planner will not use the index.
const NAME_GRAMS = `(regexp_split_to_array(name, '') || string_to_array(regexp_replace(substr(regexp_replace(name, '(.)', '\\1\\1', 'g'), 2), '(..)', '\\1' || chr(31), 'g'), chr(31)))`;

/**
 * Work views at 1,000,000 cases (issue 4, item 9): handler queue, office view, search, timeline.
 * Open cases are a small part of the register, so their filters get partial indexes; the nearest due date is
 * found from the open clocks in due order (one per case: the earliest), and per case from (case_id, due_date).
 * Names: trigrams for 3+ characters, characters and pairs for 1-2 (Chinese given names are 1-2 characters).
 */
export class WorkViewIndexes1795733100000 implements MigrationInterface {
  name = 'WorkViewIndexes1795733100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "idx_cases_open_handler" ON "cases" ("handler_id") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open_township" ON "cases" ("township_id") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open_respondent" ON "cases" ("respondent_department_id") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open_category" ON "cases" ("category") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open_procedure" ON "cases" ("procedure") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open_state" ON "cases" ("state") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open_id" ON "cases" ("id") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_receipt" ON "cases" ("receipt_at", "id")`);
    await q.query(`CREATE INDEX "idx_clocks_open_case_due" ON "case_clocks" ("case_id", "due_date") INCLUDE ("id", "rule", "status", "extension_days") WHERE ${OPEN_CLOCK}`);
    await q.query(`CREATE INDEX "idx_clocks_open_due_case" ON "case_clocks" ("due_date", "case_id") INCLUDE ("id") WHERE ${OPEN_CLOCK}`);
    await q.query(`CREATE INDEX "idx_clocks_paused_case" ON "case_clocks" ("case_id") WHERE status = 'paused'`);
    await q.query(`CREATE INDEX "idx_clocks_extended_case" ON "case_clocks" ("case_id") WHERE ${OPEN_CLOCK} AND extension_days > 0`);
    await q.query(`CREATE INDEX "idx_parties_applicant_name_trgm" ON "case_parties" USING gin ("name" gin_trgm_ops) WHERE role = 'applicant'`);
    await q.query(`CREATE INDEX "idx_parties_applicant_name_grams" ON "case_parties" USING gin (${NAME_GRAMS}) WHERE role = 'applicant'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'idx_parties_applicant_name_grams', 'idx_parties_applicant_name_trgm', 'idx_clocks_extended_case', 'idx_clocks_paused_case',
      'idx_clocks_open_due_case', 'idx_clocks_open_case_due', 'idx_cases_receipt', 'idx_cases_open_id', 'idx_cases_open_state',
      'idx_cases_open_procedure', 'idx_cases_open_category', 'idx_cases_open_respondent', 'idx_cases_open_township', 'idx_cases_open_handler',
    ]) {
      await q.query(`DROP INDEX IF EXISTS "public"."${name}"`);
    }
    // pg_trgm stays: other objects may have come to depend on it.
  }
}
