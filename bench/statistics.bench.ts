/**
 * Statistics at 1,000,000 cases (issue 17 item 3): p50/p95 of GET /statistics/overview's service call per dimension
 * for a one-year period, read from the roll-up (migration StatisticsRollup), against the same table computed directly
 * from the cases (the baseline: one cold run per dimension, since it scans every case), drill-down pages (totals from
 * the roll-up) and the per-clock table (roll-up, against its direct count as baseline), the sub-centre and years tables (from the roll-up) and the heads table.
 * Data: two years of cases in the usual mix of states (refusals with their event, decisions of every type, terminations
 * incl. withdrawals, mediation), one applicant each (5% repeat applicants), lawsuits on 8% of closed cases,
 * 22 townships, 40 respondents. Loaded set-based with the triggers off; the roll-up tables are then built set-based with
 * the same definitions as the trigger functions, and the bench checks that roll-up and direct count agree before timing.
 *
 *   node -r @swc-node/register bench/statistics.bench.ts   (BENCH_CASES=1000000, BENCH_RUNS=50, BENCH_BASELINE_RUNS=1)
 */
import 'reflect-metadata';
import type { DataSource, QueryRunner } from 'typeorm';
import { CaseStatisticsService, ClockStatisticsService, DIMENSIONS, HeadStatisticsService, TownshipStatisticsService } from '@fuyi/statistics';
import { loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { withBenchDatabase } from './bench-database';

const CATEGORIES = ['penalty', 'coercive', 'expropriation', 'demolition', 'public_security', 'info_disclosure', 'licensing', 'inaction', 'social_security', 'other'];
const DECISIONS = ['uphold', 'uphold', 'uphold', 'reject_request', 'reject_request', 'revoke', 'partial_revoke', 'change', 'confirm_illegal', 'order_performance', 'confirm_void', 'dismiss_application'];
const SPAN_DAYS = 730;

async function load(q: QueryRunner, n: number): Promise<Record<string, number>> {
  const t0 = Date.now();
  await q.query(`SET synchronous_commit = off`);
  await q.query(`SET work_mem = '256MB'`);
  await q.query(`SET session_replication_role = replica`); // bulk load: triggers off, the roll-up is built set-based below
  await q.query(`SELECT setseed(0.1717)`);
  await q.query(`INSERT INTO townships (id, code, name, kind) SELECT g, 'T' || g, '街乡镇' || g, 'street' FROM generate_series(1, 22) g`);
  await q.query(`INSERT INTO departments (name, kind) SELECT '区行政机关' || g, 'department' FROM generate_series(1, 40) g`);
  await q.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench', '统计', 'office_head', 'x')`);
  await q.query(`
    INSERT INTO cases (id, case_number, year, seq, state, procedure, township_id, registered_by, channel, receipt_at, respondent_department_id,
                       category, act_type, act_known_date, requests, facts_reasons, query_code_hash, accepted_on, decision, closure)
    SELECT gen_random_uuid(), '统〔' || extract(year FROM s.at)::int || '〕第' || lpad(s.g::text, 7, '0') || '号', extract(year FROM s.at)::int, s.g, s.state,
           CASE WHEN s.state IN ('registered', 'refused') THEN NULL WHEN random() < 0.2 THEN 'simplified' ELSE 'ordinary' END,
           CASE WHEN random() < 0.1 THEN NULL ELSE 1 + (random() * 21)::int END, u.id, 'counter', s.at, 1 + (random() * 39)::int,
           ($2::text[])[1 + floor(power(random(), 1.5) * 10)::int], '行政处罚决定', (s.at - interval '20 days')::date, '撤销', '事实', repeat('0', 64),
           CASE WHEN s.state IN ('registered', 'refused') THEN NULL ELSE (s.at + interval '5 days')::date END,
           CASE WHEN s.state IN ('decision_pending', 'decided', 'served', 'archived') AND NOT s.closed_other
                THEN jsonb_build_object('type', ($3::text[])[1 + floor(random() * 12)::int])
                     || CASE WHEN s.state = 'decision_pending' THEN '{}'::jsonb ELSE jsonb_build_object('decidedOn', (s.at + (20 + random() * 60)::int * interval '1 day')::date) END END,
           CASE WHEN s.closed_other THEN jsonb_build_object('kind', CASE WHEN s.state = 'mediated' THEN 'mediated' ELSE 'terminated' END,
                                                            'ground', CASE WHEN random() < 0.7 THEN 1 ELSE 5 END, 'on', (s.at + (20 + random() * 60)::int * interval '1 day')::date) END
      FROM (SELECT g, at, state, state IN ('terminated', 'mediated') AS closed_other FROM (
              SELECT g, at, CASE
                WHEN age < 7 THEN CASE WHEN r < .85 THEN 'registered' WHEN r < .93 THEN 'refused' ELSE 'accepted' END
                WHEN age < 80 THEN CASE WHEN r < .70 THEN 'accepted' WHEN r < .76 THEN 'suspended' WHEN r < .80 THEN 'decision_pending' WHEN r < .84 THEN 'decided'
                                        WHEN r < .90 THEN 'served' WHEN r < .94 THEN 'terminated' WHEN r < .97 THEN 'mediated' ELSE 'refused' END
                ELSE CASE WHEN r < .005 THEN 'suspended' WHEN r < .78 THEN 'archived' WHEN r < .88 THEN 'terminated' WHEN r < .95 THEN 'mediated' ELSE 'refused' END END AS state
                FROM (SELECT g, random() AS r, ($1 - g) * ${SPAN_DAYS}.0 / $1 AS age, now() - (($1 - g) * ${SPAN_DAYS}.0 / $1) * interval '1 day' AS at
                        FROM generate_series(1, $1::int) g) a) b) s,
           (SELECT id FROM users WHERE username = 'bench') u`, [n, CATEGORIES, DECISIONS]);
  const casesMs = Date.now() - t0;
  await q.query(`INSERT INTO case_events (case_id, occurred_at, type, data) SELECT id, receipt_at + interval '3 days', 'refuse', '{}' FROM cases WHERE state = 'refused'`);
  // One applicant per case; 5% share an identity with another applicant (repeat applications).
  await q.query(`INSERT INTO case_parties (case_id, role, kind, name, id_number_index)
                 SELECT id, 'applicant', 'person', '申请人', CASE WHEN random() < 0.05 THEN md5((seq % 20000)::text) ELSE md5(seq::text || 'x') END FROM cases`);
  await q.query(`INSERT INTO liaison_lawsuits (case_id, origin, court, court_case_number, filed_on, co_defendant, recorded_by)
                 SELECT c.id, 'after_reconsideration', '区人民法院', 'B' || c.seq, coalesce(c.decision->>'decidedOn', c.closure->>'on')::date + (random() * 300)::int, false, c.registered_by
                   FROM cases c WHERE c.state IN ('decided', 'served', 'archived', 'terminated') AND random() < 0.08`);
  await q.query(`INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version, closed_on)
                 SELECT id, 'decision', accepted_on, accepted_on + 60, CASE WHEN state IN ('accepted', 'decision_pending') THEN 'running' WHEN state = 'suspended' THEN 'paused' ELSE 'met' END, 1,
                        CASE WHEN state IN ('accepted', 'decision_pending', 'suspended') THEN NULL ELSE coalesce(decision->>'decidedOn', closure->>'on')::date END
                   FROM cases WHERE accepted_on IS NOT NULL`);
  await q.query(`ANALYZE cases, case_parties, case_events, liaison_lawsuits`);
  const sourceMs = Date.now() - t0;
  await rebuildRollup(q);
  await q.query(`SET session_replication_role = origin`);
  const rollupMs = Date.now() - t0 - sourceMs;
  await q.query(`VACUUM (ANALYZE) cases, case_parties, case_events, liaison_lawsuits, case_clocks, stat_case_facts, stat_daily, stat_monthly`);
  const [counts] = await q.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM stat_daily)::int AS "statDailyRows",
    (SELECT count(*) FROM liaison_lawsuits)::int AS lawsuits`);
  return { ...counts, casesLoadMs: casesMs, sourceLoadMs: sourceMs, rollupBuildMs: rollupMs, totalLoadMs: Date.now() - t0 };
}

/** stat_refresh_case and stat_emit of the migration, set-based (the same conditions), for a bulk load. */
async function rebuildRollup(q: QueryRunner): Promise<void> {
  await q.query(`
    INSERT INTO stat_case_facts (case_id, township_key, respondent_department_id, category, procedure_key, received_on, accepted_on, refused_on, closed_on, close_kind, decision_type, sued, settled)
    SELECT f.id, f.township_key, f.respondent_department_id, f.category, f.procedure_key, f.received_on, f.accepted_on, f.refused_on, f.closed_on, f.close_kind, f.decision_type,
           f.closed_on IS NOT NULL AND EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = f.id),
           f.closed_on IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = f.id AND l.filed_on <= f.closed_on + 180)
             AND NOT EXISTS (SELECT 1 FROM case_parties pa JOIN case_parties p2 ON p2.role = 'applicant' AND p2.case_id <> pa.case_id AND p2.id_number_index = pa.id_number_index
                               JOIN cases c2 ON c2.id = p2.case_id
                              WHERE pa.case_id = f.id AND pa.role = 'applicant' AND c2.respondent_department_id = f.respondent_department_id
                                AND c2.receipt_at >= (f.closed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
                                AND c2.receipt_at < (f.closed_on + 181)::timestamp AT TIME ZONE 'Asia/Shanghai')
             AND NOT EXISTS (SELECT 1 FROM case_parties pa JOIN case_parties p2 ON p2.role = 'applicant' AND p2.case_id <> pa.case_id AND p2.credit_code = pa.credit_code
                               JOIN cases c2 ON c2.id = p2.case_id
                              WHERE pa.case_id = f.id AND pa.role = 'applicant' AND c2.respondent_department_id = f.respondent_department_id
                                AND c2.receipt_at >= (f.closed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
                                AND c2.receipt_at < (f.closed_on + 181)::timestamp AT TIME ZONE 'Asia/Shanghai')
      FROM (SELECT c.id, coalesce(c.township_id::text, 'district') AS township_key, c.respondent_department_id, c.category,
                   coalesce(c.procedure, 'undetermined') AS procedure_key, (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on, c.accepted_on,
                   CASE WHEN c.state = 'refused' THEN (SELECT (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date FROM case_events e WHERE e.case_id = c.id AND e.type = 'refuse' ORDER BY e.id DESC LIMIT 1) END AS refused_on,
                   CASE WHEN c.state IN ('decided', 'served', 'terminated', 'mediated', 'archived') THEN coalesce(c.closure->>'on', c.decision->>'decidedOn')::date END AS closed_on,
                   CASE WHEN c.state NOT IN ('decided', 'served', 'terminated', 'mediated', 'archived') THEN NULL WHEN c.closure->>'kind' = 'mediated' THEN 'mediated'
                        WHEN c.closure->>'kind' = 'terminated' AND c.closure->>'ground' = '1' THEN 'withdrawn' WHEN c.closure->>'kind' = 'terminated' THEN 'terminated' ELSE 'decision' END AS close_kind,
                   CASE WHEN c.state IN ('decided', 'served', 'terminated', 'mediated', 'archived') AND c.closure IS NULL THEN c.decision->>'type' END AS decision_type
              FROM cases c) f`);
  await q.query(`
    INSERT INTO stat_daily (day, dim, key, measure, n)
    SELECT m.day, d.dim, d.key, m.measure, count(*)::int
      FROM stat_case_facts f
      CROSS JOIN LATERAL (VALUES ('total', 'total'), ('township', f.township_key), ('respondent', f.respondent_department_id::text), ('category', f.category::text), ('procedure', f.procedure_key)) d(dim, key)
      CROSS JOIN LATERAL (VALUES ('received', f.received_on), ('accepted', f.accepted_on), ('refused', f.refused_on), ('closed', f.closed_on),
               ('decision_' || coalesce(f.decision_type, ''), CASE WHEN f.decision_type IS NOT NULL THEN f.closed_on END),
               ('corrected', CASE WHEN f.decision_type IN ('change', 'revoke', 'partial_revoke', 'confirm_illegal', 'order_performance', 'confirm_void') THEN f.closed_on END),
               ('mediatedWithdrawn', CASE WHEN f.close_kind IN ('mediated', 'withdrawn') THEN f.closed_on END),
               ('resolved', CASE WHEN f.close_kind IN ('mediated', 'withdrawn') OR f.decision_type IN ('change', 'revoke', 'partial_revoke', 'confirm_illegal', 'order_performance', 'confirm_void') THEN f.closed_on END),
               ('suedAfter', CASE WHEN f.sued THEN f.closed_on END), ('settled', CASE WHEN f.settled THEN f.closed_on END)) m(measure, day)
     WHERE m.day IS NOT NULL GROUP BY 1, 2, 3, 4`);
  // The clock measures (migration ClockStatisticsRollup: the very function its trigger calls).
  await q.query(`
    INSERT INTO stat_daily (day, dim, key, measure, n)
    SELECT m.day, 'clock', k.rule, m.measure, count(*)::int
      FROM case_clocks k CROSS JOIN LATERAL stat_clock_measures(k.rule, k.status, k.due_date, k.extension_days, k.closed_on) m
     GROUP BY 1, 3, 4`);
  await q.query(`INSERT INTO stat_monthly (month, dim, key, measure, n) SELECT date_trunc('month', day)::date, dim, key, measure, sum(n)::int FROM stat_daily GROUP BY 1, 2, 3, 4`);
}

const quantile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function time(runs: number, call: (i: number) => Promise<unknown>, warmUp = true): Promise<{ p50: number; p95: number; runs: number }> {
  if (warmUp) await call(-1);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await call(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { p50: Number(quantile(ms, 0.5).toFixed(1)), p95: Number(quantile(ms, 0.95).toFixed(1)), runs };
}

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_CASES ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 50);
  const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? 1);
  return withBenchDatabase(4, async (ds: DataSource) => {
    const q = ds.createQueryRunner();
    let loaded: Record<string, number>;
    try { loaded = await load(q, n); } finally { await q.release(); }
    const uow = new UnitOfWork(ds);
    const timeSource = new TimeSource(loadConfig({ NODE_ENV: 'test' }));
    const stats = new CaseStatisticsService(uow);
    const clocks = new ClockStatisticsService(uow, timeSource);
    const heads = new HeadStatisticsService(uow, timeSource);
    const townships = new TownshipStatisticsService(uow, stats);
    const year = new Date().getFullYear() - 1;
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    // The roll-up built for the bench must be exact before it is timed; a direct count scans every case, so only on
    // the dimensions named (default total and township), and the baseline likewise (default all five).
    const checkDims = (process.env.BENCH_CHECK_DIMS ?? 'total,township').split(',') as Array<(typeof DIMENSIONS)[number]>;
    const baselineDims = (process.env.BENCH_BASELINE_DIMS ?? DIMENSIONS.join(',')).split(',');
    for (const by of checkDims) {
      const [a, b] = [await stats.overviewFromRollup({ ...period, by }), await stats.overviewDirect({ ...period, by })];
      if (JSON.stringify([a.rows, a.total]) !== JSON.stringify([b.rows, b.total])) throw new Error(`roll-up and direct count differ for ${by}`);
    }
    const [rolledClocks, directClocks] = [await clocks.perClock(period), await clocks.perClockDirect(period)];
    if (JSON.stringify(rolledClocks.rows) !== JSON.stringify(directClocks.rows)) throw new Error('per-clock roll-up and direct count differ');
    const rollup: Record<string, unknown> = {};
    const direct: Record<string, unknown> = {};
    for (const by of DIMENSIONS) {
      // Periods vary by run (a month, a quarter, the year) so the cache of one answer is not what is measured.
      rollup[by] = await time(runs, (i) => stats.overviewFromRollup({ from: `${year}-${String(1 + (Math.abs(i) % 12)).padStart(2, '0')}-01`, to: period.to, by }));
      if (baselineDims.includes(by)) direct[by] = await time(baselineRuns, () => stats.overviewDirect({ ...period, by }), false);
    }
    // Drill-down pages: the first and a later page of a township's figure, and the year's whole received list.
    const drillDown = await time(runs, (i) => stats.cases({ ...period, by: 'township', key: String(1 + (Math.abs(i) % 22)), figure: 'directCorrectionRate', page: 1 + (Math.abs(i) % 3), pageSize: 50 }));
    const drillDownYear = await time(runs, (i) => stats.cases({ ...period, by: 'total', figure: 'received', page: 1 + (Math.abs(i) % 5), pageSize: 50 }));
    const townshipTable = await time(runs, () => townships.subCentres(period));
    const yearsTable = await time(runs, () => townships.substantiveByYear(year - 4, year));
    const headTable = await time(Math.min(runs, 10), () => heads.byRespondent(period));
    const clockTable = await time(runs, (i) => clocks.perClock({ from: `${year}-${String(1 + (Math.abs(i) % 12)).padStart(2, '0')}-01`, to: period.to }));
    const clockTableDirect = await time(baselineRuns, () => clocks.perClockDirect(period), false);
    const clockDrillDown = await time(runs, (i) => clocks.cases({ ...period, rule: 'decision', figure: 'closedOnTime', page: 1 + (Math.abs(i) % 3), pageSize: 50 }));
    return { cases: n, period, load: loaded, overviewFromRollup: rollup, overviewDirectBaseline: direct, drillDownPage: drillDown, drillDownYear,
      subCentresTable: townshipTable, yearsTable, headTable, perClockTable: clockTable, perClockTableDirectBaseline: clockTableDirect, perClockDrillDown: clockDrillDown };
  });
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2))).catch((e) => { console.error(e); process.exit(1); });
}
