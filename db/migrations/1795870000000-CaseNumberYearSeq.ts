import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 item 2: case numbers are taken outside the registration's transaction, so uniqueness per year is now the
 * database's to keep (it was the counter row lock's), and the office's list of unused numbers needs (year, seq) indexed.
 */
export class CaseNumberYearSeq1795870000000 implements MigrationInterface {
  name = 'CaseNumberYearSeq1795870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX "uq_cases_year_seq" ON "cases" ("year", "seq") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_cases_year_seq"`);
  }
}
