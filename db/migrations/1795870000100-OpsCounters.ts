import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 item 6: /metrics counted whole tables (reminders, deliveries) on every scrape, a cost that grows with time.
 * Statement-level triggers with transition tables keep running totals instead, whoever writes the rows: one counter
 * update per statement, on one of 16 shards chosen at random so that concurrent writers rarely wait for each other.
 * The totals start from the rows already there.
 */
export class OpsCounters1795870000100 implements MigrationInterface {
  name = 'OpsCounters1795870000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "ops_counters" ("name" character varying(64) NOT NULL, "shard" smallint NOT NULL, "value" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_ops_counters" PRIMARY KEY ("name", "shard"))`);
    await q.query(`CREATE FUNCTION ops_counter_add(counter text, amount bigint) RETURNS void LANGUAGE sql AS $$
      INSERT INTO ops_counters (name, shard, value) VALUES (counter, floor(random() * 16)::smallint, amount)
      ON CONFLICT (name, shard) DO UPDATE SET value = ops_counters.value + EXCLUDED.value $$`);
    await q.query(`CREATE FUNCTION ops_count_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE n bigint;
      BEGIN
        SELECT count(*) INTO n FROM new_rows;
        IF n > 0 THEN PERFORM ops_counter_add('reminders_fired', n); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_ops_reminders AFTER INSERT ON reminders REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ops_count_reminders()`);
    // A delivery counts once, when it reaches delivered or dead (updated from another status, or inserted so).
    await q.query(`CREATE FUNCTION ops_count_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN
          SELECT n.status, count(*) AS k FROM new_rows n
           WHERE n.status IN ('delivered', 'dead')
             AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o.status = n.status)
           GROUP BY n.status
        LOOP
          PERFORM ops_counter_add('deliveries_' || r.status, r.k);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_ops_deliveries_update AFTER UPDATE ON deliveries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ops_count_deliveries()`);
    // An INSERT trigger has no OLD TABLE: its own function.
    await q.query(`CREATE FUNCTION ops_count_inserted_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT n.status, count(*) AS k FROM new_rows n WHERE n.status IN ('delivered', 'dead') GROUP BY n.status LOOP
          PERFORM ops_counter_add('deliveries_' || r.status, r.k);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_ops_deliveries_insert AFTER INSERT ON deliveries REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ops_count_inserted_deliveries()`);
    // The retention purge keeps a milestone while a reminder points to it: that check needs the reference indexed.
    await q.query(`CREATE INDEX "idx_reminders_milestone" ON "reminders" ("milestone_id") `);
    await q.query(`INSERT INTO ops_counters (name, shard, value)
      SELECT 'reminders_fired', 0, count(*) FROM reminders
      UNION ALL SELECT 'deliveries_delivered', 0, count(*) FROM deliveries WHERE status = 'delivered'
      UNION ALL SELECT 'deliveries_dead', 0, count(*) FROM deliveries WHERE status = 'dead'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_reminders_milestone"`);
    await q.query(`DROP TRIGGER trg_ops_deliveries_insert ON deliveries`);
    await q.query(`DROP TRIGGER trg_ops_deliveries_update ON deliveries`);
    await q.query(`DROP TRIGGER trg_ops_reminders ON reminders`);
    await q.query(`DROP FUNCTION ops_count_inserted_deliveries()`);
    await q.query(`DROP FUNCTION ops_count_deliveries()`);
    await q.query(`DROP FUNCTION ops_count_reminders()`);
    await q.query(`DROP FUNCTION ops_counter_add(text, bigint)`);
    await q.query(`DROP TABLE "ops_counters"`);
  }
}
