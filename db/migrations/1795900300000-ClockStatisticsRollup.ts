import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 item 3: the per-clock table (按期办结率, GET /statistics/clocks) from the roll-up instead of a scan of every
 * clock. Each clock contributes ±1 to stat_daily_delta under dim 'clock', key = its rule, on one day per measure:
 * - closedOnTime / closedLate on the day it closed (the conditions of libs/statistics domain/clock-figures.ts);
 * - openRunning / openRunningExtended / openPaused / waitingOnApplicant on its due date while it is open, so that the
 *   reader splits them at "today" (overdue = due before today) without any per-clock work.
 * A statement-level trigger with transition tables nets the old and new contributions of a whole statement in one
 * INSERT (a calendar recompute's batch of 1,000 clocks is one insert, and a row whose measures did not move adds nothing).
 * The worker's compactor (statistics.compact) moves these deltas like the case measures'.
 * The applicant-run rules must equal APPLICANT_RULES in clock-figures.ts: the roll-up exactness test compares both readings.
 */
export class ClockStatisticsRollup1795900300000 implements MigrationInterface {
  name = 'ClockStatisticsRollup1795900300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION stat_clock_measures(rule text, status text, due date, extension_days integer, closed date)
      RETURNS TABLE (measure text, day date) LANGUAGE sql IMMUTABLE AS $fn$
      SELECT m.measure, m.day FROM (VALUES
        ('closedOnTime', CASE WHEN status = 'met' AND closed <= due THEN closed END),
        ('closedLate', CASE WHEN closed IS NOT NULL AND (status = 'missed' OR (status = 'met' AND closed > due)) THEN closed END),
        ('openRunning', CASE WHEN status = 'running' AND rule NOT IN ('applicant-correction', 'application', 'lawsuit') AND extension_days = 0 THEN due END),
        ('openRunningExtended', CASE WHEN status = 'running' AND rule NOT IN ('applicant-correction', 'application', 'lawsuit') AND extension_days > 0 THEN due END),
        ('openPaused', CASE WHEN status = 'paused' AND rule NOT IN ('applicant-correction', 'application', 'lawsuit') THEN due END),
        ('waitingOnApplicant', CASE WHEN status IN ('running', 'paused') AND rule IN ('applicant-correction', 'application', 'lawsuit') THEN due END)
      ) m(measure, day) WHERE m.day IS NOT NULL
    $fn$`);
    await q.query(`CREATE FUNCTION stat_clocks_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO stat_daily_delta (day, dim, key, measure, n)
        SELECT m.day, 'clock', k.rule, m.measure, count(*)::int
          FROM new_clocks k CROSS JOIN LATERAL stat_clock_measures(k.rule, k.status, k.due_date, k.extension_days, k.closed_on) m
         GROUP BY 1, 3, 4;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stat_daily_delta (day, dim, key, measure, n)
        SELECT m.day, 'clock', k.rule, m.measure, -count(*)::int
          FROM old_clocks k CROSS JOIN LATERAL stat_clock_measures(k.rule, k.status, k.due_date, k.extension_days, k.closed_on) m
         GROUP BY 1, 3, 4;
      ELSE
        INSERT INTO stat_daily_delta (day, dim, key, measure, n)
        SELECT x.day, 'clock', x.rule, x.measure, sum(x.n)::int FROM (
          SELECT m.day, k.rule, m.measure, -1 AS n
            FROM old_clocks k CROSS JOIN LATERAL stat_clock_measures(k.rule, k.status, k.due_date, k.extension_days, k.closed_on) m
          UNION ALL
          SELECT m.day, k.rule, m.measure, 1
            FROM new_clocks k CROSS JOIN LATERAL stat_clock_measures(k.rule, k.status, k.due_date, k.extension_days, k.closed_on) m) x
         GROUP BY 1, 3, 4 HAVING sum(x.n) <> 0;
      END IF;
      RETURN NULL;
    END $fn$`);
    await q.query(`CREATE TRIGGER stat_clocks_inserted AFTER INSERT ON case_clocks REFERENCING NEW TABLE AS new_clocks
                   FOR EACH STATEMENT EXECUTE FUNCTION stat_clocks_changed()`);
    await q.query(`CREATE TRIGGER stat_clocks_updated AFTER UPDATE ON case_clocks REFERENCING OLD TABLE AS old_clocks NEW TABLE AS new_clocks
                   FOR EACH STATEMENT EXECUTE FUNCTION stat_clocks_changed()`);
    await q.query(`CREATE TRIGGER stat_clocks_deleted AFTER DELETE ON case_clocks REFERENCING OLD TABLE AS old_clocks
                   FOR EACH STATEMENT EXECUTE FUNCTION stat_clocks_changed()`);
    // The drill-down lists behind a cell: a rule's clocks closed in a period by day, its open clocks by due date.
    await q.query(`CREATE INDEX idx_clocks_rule_closed ON case_clocks (rule, closed_on, id) WHERE closed_on IS NOT NULL`);
    await q.query(`CREATE INDEX idx_clocks_open_rule_due ON case_clocks (rule, due_date, id) WHERE status IN ('running', 'paused')`);
    // Clocks that exist already, straight into the compacted sums.
    await q.query(`INSERT INTO stat_daily (day, dim, key, measure, n)
                   SELECT m.day, 'clock', k.rule, m.measure, count(*)::int
                     FROM case_clocks k CROSS JOIN LATERAL stat_clock_measures(k.rule, k.status, k.due_date, k.extension_days, k.closed_on) m
                    GROUP BY 1, 3, 4`);
    await q.query(`INSERT INTO stat_monthly (month, dim, key, measure, n)
                   SELECT date_trunc('month', day)::date, dim, key, measure, sum(n)::int FROM stat_daily WHERE dim = 'clock' GROUP BY 1, 2, 3, 4`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stat_clocks_inserted ON case_clocks; DROP TRIGGER stat_clocks_updated ON case_clocks; DROP TRIGGER stat_clocks_deleted ON case_clocks`);
    await q.query(`DROP FUNCTION stat_clocks_changed(); DROP FUNCTION stat_clock_measures(text, text, date, integer, date)`);
    await q.query(`DROP INDEX idx_clocks_rule_closed; DROP INDEX idx_clocks_open_rule_due`);
    await q.query(`DELETE FROM stat_daily_delta WHERE dim = 'clock'; DELETE FROM stat_daily WHERE dim = 'clock'; DELETE FROM stat_monthly WHERE dim = 'clock'`);
  }
}
