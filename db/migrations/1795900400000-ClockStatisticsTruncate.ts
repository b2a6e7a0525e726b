import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-clock roll-up (migration ClockStatisticsRollup) is kept by row-counting triggers on INSERT, UPDATE and DELETE;
 * a TRUNCATE fires none of them, so it would leave the sums of clocks that are gone. case_clocks can be truncated (by
 * the schema owner: with clock_milestones, which references it, or through TRUNCATE cases … CASCADE, e.g. when a
 * training copy is emptied), so a statement trigger on TRUNCATE removes every clock contribution: with no clock left
 * the exact roll-up is zero everywhere, folded (stat_daily, stat_monthly) or not (stat_daily_delta). The three tables
 * are locked first, so that the compactor cannot fold a clock delta between the deletes.
 */
export class ClockStatisticsTruncate1795900400000 implements MigrationInterface {
  name = 'ClockStatisticsTruncate1795900400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION stat_clocks_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      LOCK TABLE stat_daily_delta, stat_daily, stat_monthly IN EXCLUSIVE MODE;
      DELETE FROM stat_daily_delta WHERE dim = 'clock';
      DELETE FROM stat_daily WHERE dim = 'clock';
      DELETE FROM stat_monthly WHERE dim = 'clock';
      RETURN NULL;
    END $fn$`);
    await q.query(`CREATE TRIGGER stat_clocks_truncated AFTER TRUNCATE ON case_clocks FOR EACH STATEMENT EXECUTE FUNCTION stat_clocks_truncated()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stat_clocks_truncated ON case_clocks`);
    await q.query(`DROP FUNCTION stat_clocks_truncated()`);
  }
}
