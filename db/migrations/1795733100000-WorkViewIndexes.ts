import type { MigrationInterface, QueryRunner } from 'typeorm';

// Cases over for the office (CLOSED_CASE_STATES in libs/cases/src/queries/work-view-filters.ts, as of this migration).
const OPEN = `state NOT IN ('refused', 'abandoned', 'terminated', 'mediated', 'archived')`;
const OPEN_CLOCK = `status IN ('running', 'paused')`;
// NAME_GRAMS_SQL('name') in work-view-filters.ts: the same expression, or the planner will not use the index.
const NAME_GRAMS = `(string_to_array(name, NULL) || string_to_array(regexp_replace(substr(regexp_replace(name, '(.)', '\\1\\1', 'g'), 2), '(..)', '\\1' || chr(31), 'g'), chr(31)))`;

/**
 * Work views at 1,000,000 cases (issue 4, item 9): handler queue, office view, search, timeline.
 * - Open cases are a small part of the register: their filters (any combination) go through one partial GIN index
 *   (btree_gin: a bitmap AND of two partial btrees sharing a predicate is something the planner never builds), and a
 *   partial btree carrying the filter columns lets the due-order walk check a case without reading its row.
 * - The nearest due date comes from the open clocks: walked in (due_date, case_id) order, or per case through
 *   (case_id, due_date), which also carries what the views show of a clock (index-only). The paused and extended
 *   flags are tested once per walked case: small partial indexes keep that test cheap.
 * - Names: trigrams for 3+ characters (applicants); characters and character pairs for 1-2 (Chinese given names are
 *   1-2 characters), not partial, since the planner only uses statistics of an expression index that is not partial.
 * - Search results come newest first: (receipt_at, id) lets a broad term walk the newest cases and stop early.
 * The case timeline is served by idx_case_events_case (case_id, id) and ID numbers by idx_parties_id_index.
 */
export class WorkViewIndexes1795733100000 implements MigrationInterface {
  name = 'WorkViewIndexes1795733100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(`CREATE INDEX "idx_cases_open_filters" ON "cases" USING gin ("township_id", "respondent_department_id", "category", "procedure", "state", "handler_id") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_open" ON "cases" ("id") INCLUDE ("state", "township_id", "respondent_department_id", "category", "procedure", "handler_id") WHERE ${OPEN}`);
    await q.query(`CREATE INDEX "idx_cases_receipt" ON "cases" ("receipt_at", "id")`);
    await q.query(`CREATE INDEX "idx_clocks_open_case_due" ON "case_clocks" ("case_id", "due_date") INCLUDE ("id", "rule", "status", "extension_days") WHERE ${OPEN_CLOCK}`);
    await q.query(`CREATE INDEX "idx_clocks_open_due_case" ON "case_clocks" ("due_date", "case_id") INCLUDE ("id") WHERE ${OPEN_CLOCK}`);
    await q.query(`CREATE INDEX "idx_clocks_paused" ON "case_clocks" ("case_id") WHERE status = 'paused'`);
    await q.query(`CREATE INDEX "idx_clocks_extended" ON "case_clocks" ("case_id") WHERE ${OPEN_CLOCK} AND extension_days > 0`);
    await q.query(`CREATE INDEX "idx_parties_applicant_name_trgm" ON "case_parties" USING gin ("name" gin_trgm_ops) WHERE role = 'applicant'`);
    await q.query(`CREATE INDEX "idx_parties_name_grams" ON "case_parties" USING gin (${NAME_GRAMS})`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const name of WORK_VIEW_INDEXES) await q.query(`DROP INDEX IF EXISTS "public"."${name}"`);
    // The extensions stay: other objects may have come to depend on them.
  }
}

export const WORK_VIEW_INDEXES = [
  'idx_cases_open_filters', 'idx_cases_open', 'idx_cases_receipt', 'idx_clocks_open_case_due', 'idx_clocks_open_due_case',
  'idx_clocks_paused', 'idx_clocks_extended', 'idx_parties_applicant_name_trgm', 'idx_parties_name_grams',
];
