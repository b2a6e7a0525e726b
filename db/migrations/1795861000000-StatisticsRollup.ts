import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 item 3: statistics at scale. Two tables kept by triggers in the transaction that changes a case, and one the
 * worker compacts (not TypeORM entities: written only by the functions below, read only by libs/statistics):
 * - stat_case_facts: one row per case with the dates and outcome the figures are defined on (the same definitions as
 *   libs/statistics domain/case-facts.ts and figures.ts; the exactness test compares both), incl. 复议后被诉 and 案结事了
 *   for the default 180-day window;
 * - stat_daily_delta: append-only ±1 per (day, dimension, key, measure) whenever a fact row changes (no row is ever
 *   updated by two transactions, so case transitions never wait on each other or deadlock here);
 * - stat_daily / stat_monthly: the compacted sums per day and per month; the worker moves deltas into both (one compactor
 *   at a time, advisory lock).
 * A figure over a period = whole months from stat_monthly + the days at either end from stat_daily + stat_daily_delta;
 * pending = Σ(accepted − closed) up to the last day.
 */
export class StatisticsRollup1795861000000 implements MigrationInterface {
  name = 'StatisticsRollup1795861000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stat_case_facts (
      case_id uuid PRIMARY KEY, township_key text NOT NULL, respondent_department_id integer NOT NULL, category varchar(32) NOT NULL,
      procedure_key text NOT NULL, received_on date NOT NULL, accepted_on date, refused_on date, closed_on date, close_kind text,
      decision_type text, sued boolean NOT NULL DEFAULT false, settled boolean NOT NULL DEFAULT false)`);
    // Repeat applications by an organisation are found by credit code (ID numbers have idx_parties_id_index).
    await q.query(`CREATE INDEX idx_parties_credit_code ON case_parties (credit_code) WHERE credit_code IS NOT NULL`);
    await q.query(`CREATE INDEX idx_stat_case_facts_closed ON stat_case_facts (closed_on) WHERE closed_on IS NOT NULL`);
    // Drill-down lists read the facts of their period by day.
    await q.query(`CREATE INDEX idx_stat_case_facts_received ON stat_case_facts (received_on)`);
    await q.query(`CREATE INDEX idx_stat_case_facts_accepted ON stat_case_facts (accepted_on) WHERE accepted_on IS NOT NULL`);
    await q.query(`CREATE TABLE stat_daily (day date NOT NULL, dim text NOT NULL, key text NOT NULL, measure text NOT NULL, n integer NOT NULL,
      PRIMARY KEY (dim, day, key, measure))`);
    // The same sums per calendar month: a year's table reads 12 rows per key and measure instead of 365.
    await q.query(`CREATE TABLE stat_monthly (month date NOT NULL, dim text NOT NULL, key text NOT NULL, measure text NOT NULL, n integer NOT NULL,
      PRIMARY KEY (dim, month, key, measure))`);
    await q.query(`CREATE TABLE stat_daily_delta (id bigserial PRIMARY KEY, day date NOT NULL, dim text NOT NULL, key text NOT NULL, measure text NOT NULL, n integer NOT NULL)`);
    await q.query(`CREATE INDEX idx_stat_daily_delta_dim_day ON stat_daily_delta (dim, day)`);

    // The facts of one case (libs/statistics domain/case-facts.ts; settled with the default 180-day window).
    await q.query(`CREATE FUNCTION stat_refresh_case(p uuid) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM cases WHERE id = p) THEN
        DELETE FROM stat_case_facts WHERE case_id = p;
        RETURN;
      END IF;
      INSERT INTO stat_case_facts AS s (case_id, township_key, respondent_department_id, category, procedure_key, received_on, accepted_on, refused_on,
                                        closed_on, close_kind, decision_type, sued, settled)
      SELECT f.id, f.township_key, f.respondent_department_id, f.category, f.procedure_key, f.received_on, f.accepted_on, f.refused_on, f.closed_on,
             f.close_kind, f.decision_type,
             f.closed_on IS NOT NULL AND EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = f.id),
             f.closed_on IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = f.id AND l.filed_on <= f.closed_on + 180)
               AND NOT EXISTS (SELECT 1 FROM case_parties pa
                                 JOIN case_parties p2 ON p2.id_number_index = pa.id_number_index AND p2.role = 'applicant' AND p2.case_id <> pa.case_id
                                 JOIN cases c2 ON c2.id = p2.case_id
                                WHERE pa.case_id = f.id AND pa.role = 'applicant' AND c2.respondent_department_id = f.respondent_department_id
                                  AND c2.receipt_at >= (f.closed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
                                  AND c2.receipt_at < (f.closed_on + 181)::timestamp AT TIME ZONE 'Asia/Shanghai')
               AND NOT EXISTS (SELECT 1 FROM case_parties pa
                                 JOIN case_parties p2 ON p2.credit_code = pa.credit_code AND p2.role = 'applicant' AND p2.case_id <> pa.case_id
                                 JOIN cases c2 ON c2.id = p2.case_id
                                WHERE pa.case_id = f.id AND pa.role = 'applicant' AND c2.respondent_department_id = f.respondent_department_id
                                  AND c2.receipt_at >= (f.closed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
                                  AND c2.receipt_at < (f.closed_on + 181)::timestamp AT TIME ZONE 'Asia/Shanghai')
        FROM (SELECT c.id, coalesce(c.township_id::text, 'district') AS township_key, c.respondent_department_id, c.category,
                     coalesce(c.procedure, 'undetermined') AS procedure_key, (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on, c.accepted_on,
                     CASE WHEN c.state = 'refused' THEN (SELECT (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date FROM case_events e
                                                          WHERE e.case_id = c.id AND e.type = 'refuse' ORDER BY e.id DESC LIMIT 1) END AS refused_on,
                     CASE WHEN c.state IN ('decided', 'served', 'terminated', 'mediated', 'archived') THEN coalesce(c.closure->>'on', c.decision->>'decidedOn')::date END AS closed_on,
                     CASE WHEN c.state NOT IN ('decided', 'served', 'terminated', 'mediated', 'archived') THEN NULL
                          WHEN c.closure->>'kind' = 'mediated' THEN 'mediated'
                          WHEN c.closure->>'kind' = 'terminated' AND c.closure->>'ground' = '1' THEN 'withdrawn'
                          WHEN c.closure->>'kind' = 'terminated' THEN 'terminated'
                          ELSE 'decision' END AS close_kind,
                     CASE WHEN c.state IN ('decided', 'served', 'terminated', 'mediated', 'archived') AND c.closure IS NULL THEN c.decision->>'type' END AS decision_type
                FROM cases c WHERE c.id = p) f
      ON CONFLICT (case_id) DO UPDATE SET township_key = EXCLUDED.township_key, respondent_department_id = EXCLUDED.respondent_department_id,
        category = EXCLUDED.category, procedure_key = EXCLUDED.procedure_key, received_on = EXCLUDED.received_on, accepted_on = EXCLUDED.accepted_on,
        refused_on = EXCLUDED.refused_on, closed_on = EXCLUDED.closed_on, close_kind = EXCLUDED.close_kind, decision_type = EXCLUDED.decision_type,
        sued = EXCLUDED.sued, settled = EXCLUDED.settled
      WHERE (s.township_key, s.respondent_department_id, s.category, s.procedure_key, s.received_on, s.accepted_on, s.refused_on, s.closed_on,
             s.close_kind, s.decision_type, s.sued, s.settled)
            IS DISTINCT FROM (EXCLUDED.township_key, EXCLUDED.respondent_department_id, EXCLUDED.category, EXCLUDED.procedure_key, EXCLUDED.received_on,
             EXCLUDED.accepted_on, EXCLUDED.refused_on, EXCLUDED.closed_on, EXCLUDED.close_kind, EXCLUDED.decision_type, EXCLUDED.sued, EXCLUDED.settled);
    END $fn$`);

    // A case and every case sharing an applicant with it (a repeat application changes the earlier case's 案结事了).
    await q.query(`CREATE FUNCTION stat_refresh_related(p uuid) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT p2.case_id FROM case_parties pa JOIN case_parties p2 ON p2.role = 'applicant' AND p2.id_number_index = pa.id_number_index
                WHERE pa.case_id = p AND pa.role = 'applicant' AND p2.case_id <> p
               UNION
               SELECT p2.case_id FROM case_parties pa JOIN case_parties p2 ON p2.role = 'applicant' AND p2.credit_code = pa.credit_code
                WHERE pa.case_id = p AND pa.role = 'applicant' AND p2.case_id <> p
               ORDER BY 1
      LOOP PERFORM stat_refresh_case(r.case_id); END LOOP;
      PERFORM stat_refresh_case(p);
    END $fn$`);

    // What one fact row contributes: one ±1 per dimension key and measure, on the measure's day.
    await q.query(`CREATE FUNCTION stat_emit(f stat_case_facts, sign integer) RETURNS void LANGUAGE sql AS $fn$
      INSERT INTO stat_daily_delta (day, dim, key, measure, n)
      SELECT m.day, d.dim, d.key, m.measure, sign
        FROM (VALUES ('total', 'total'), ('township', f.township_key), ('respondent', f.respondent_department_id::text),
                     ('category', f.category::text), ('procedure', f.procedure_key)) d(dim, key)
        CROSS JOIN (VALUES ('received', f.received_on), ('accepted', f.accepted_on), ('refused', f.refused_on), ('closed', f.closed_on),
                     ('decision_' || coalesce(f.decision_type, ''), CASE WHEN f.decision_type IS NOT NULL THEN f.closed_on END),
                     ('corrected', CASE WHEN f.decision_type IN ('change', 'revoke', 'partial_revoke', 'confirm_illegal', 'order_performance', 'confirm_void') THEN f.closed_on END),
                     ('mediatedWithdrawn', CASE WHEN f.close_kind IN ('mediated', 'withdrawn') THEN f.closed_on END),
                     ('resolved', CASE WHEN f.close_kind IN ('mediated', 'withdrawn')
                                         OR f.decision_type IN ('change', 'revoke', 'partial_revoke', 'confirm_illegal', 'order_performance', 'confirm_void') THEN f.closed_on END),
                     ('suedAfter', CASE WHEN f.sued THEN f.closed_on END),
                     ('settled', CASE WHEN f.settled THEN f.closed_on END)) m(measure, day)
       WHERE m.day IS NOT NULL
    $fn$`);
    await q.query(`CREATE FUNCTION stat_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM stat_emit(OLD, -1); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM stat_emit(NEW, 1); END IF;
      RETURN NULL;
    END $fn$`);
    await q.query(`CREATE TRIGGER stat_facts_changed AFTER INSERT OR UPDATE OR DELETE ON stat_case_facts FOR EACH ROW EXECUTE FUNCTION stat_facts_changed()`);

    // Sources. A case's own columns; its refusal event; its lawsuits; its applicants (repeat applications).
    await q.query(`CREATE FUNCTION stat_case_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' THEN PERFORM stat_refresh_case(OLD.id); RETURN NULL; END IF;
      IF TG_OP = 'UPDATE' AND (OLD.receipt_at, OLD.respondent_department_id) IS DISTINCT FROM (NEW.receipt_at, NEW.respondent_department_id) THEN
        PERFORM stat_refresh_related(NEW.id);
      ELSIF TG_OP = 'INSERT' OR (OLD.state, OLD.procedure, OLD.township_id, OLD.category, OLD.accepted_on, OLD.decision, OLD.closure)
                                 IS DISTINCT FROM (NEW.state, NEW.procedure, NEW.township_id, NEW.category, NEW.accepted_on, NEW.decision, NEW.closure) THEN
        PERFORM stat_refresh_case(NEW.id);
      END IF;
      RETURN NULL;
    END $fn$`);
    await q.query(`CREATE TRIGGER stat_case_changed AFTER INSERT OR UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION stat_case_changed()`);
    await q.query(`CREATE FUNCTION stat_event_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN PERFORM stat_refresh_case(NEW.case_id); RETURN NULL; END $fn$`);
    await q.query(`CREATE TRIGGER stat_event_added AFTER INSERT ON case_events FOR EACH ROW WHEN (NEW.type = 'refuse') EXECUTE FUNCTION stat_event_added()`);
    await q.query(`CREATE FUNCTION stat_lawsuit_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP <> 'INSERT' AND OLD.case_id IS NOT NULL THEN PERFORM stat_refresh_case(OLD.case_id); END IF;
      IF TG_OP <> 'DELETE' AND NEW.case_id IS NOT NULL THEN PERFORM stat_refresh_case(NEW.case_id); END IF;
      RETURN NULL;
    END $fn$`);
    await q.query(`CREATE TRIGGER stat_lawsuit_changed AFTER INSERT OR DELETE OR UPDATE OF case_id, filed_on ON liaison_lawsuits FOR EACH ROW EXECUTE FUNCTION stat_lawsuit_changed()`);
    await q.query(`CREATE FUNCTION stat_party_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM stat_refresh_related(OLD.case_id); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM stat_refresh_related(NEW.case_id); END IF;
      RETURN NULL;
    END $fn$`);
    await q.query(`CREATE TRIGGER stat_party_changed AFTER INSERT OR DELETE OR UPDATE OF role, id_number_index, credit_code, case_id ON case_parties
                   FOR EACH ROW EXECUTE FUNCTION stat_party_changed()`);

    // Cases that exist already.
    await q.query(`SELECT stat_refresh_case(id) FROM cases`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON stat_case_facts, stat_daily, stat_monthly, stat_daily_delta TO fuyi_app`);
    await q.query(`GRANT USAGE, SELECT ON SEQUENCE stat_daily_delta_id_seq TO fuyi_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [t, table] of [['stat_party_changed', 'case_parties'], ['stat_lawsuit_changed', 'liaison_lawsuits'], ['stat_event_added', 'case_events'], ['stat_case_changed', 'cases']]) {
      await q.query(`DROP TRIGGER ${t} ON ${table}`);
      await q.query(`DROP FUNCTION ${t}()`);
    }
    await q.query(`DROP TABLE stat_case_facts CASCADE`);
    await q.query(`DROP FUNCTION stat_facts_changed(); DROP FUNCTION stat_refresh_related(uuid); DROP FUNCTION stat_refresh_case(uuid)`);
    await q.query(`DROP TABLE stat_daily_delta; DROP TABLE stat_daily; DROP TABLE stat_monthly`);
    await q.query(`DROP INDEX idx_parties_credit_code`);
  }
}
