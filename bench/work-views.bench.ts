/**
 * Work views at 1,000,000 cases (issue 4, item 9): median and p95 of the handler's queue, the office view with two
 * filters, name search (1, 2 and 3+ characters), ID-number search and a case timeline, through WorkViewsService
 * against real PostgreSQL (SQL and the per-page hydration; no HTTP).
 * Data: 2 years of cases (~10% open, the rest archived, terminated, mediated, refused…), ~1.35 parties, ~3 clocks and
 * 5 events per case, 200 handlers, 22 townships, 40 respondents. Set-based INSERT … SELECT generate_series.
 * Baseline in the same run: the same calls (same code, same planner settings) on the schema without the WorkViewIndexes
 * migration, fewer runs since they are slow; then the migration is applied (its build time reported), ANALYZE, and
 * every call is measured again. The whole run takes about 6-8 minutes, 3 of them loading.
 *
 *   node -r @swc-node/register bench/work-views.bench.ts   (BENCH_CASES=1000000, BENCH_RUNS=200, BENCH_BASELINE_RUNS=10)
 */
import 'reflect-metadata';
import type { DataSource, QueryRunner } from 'typeorm';
import { idNumberCheckChar, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { FieldCipher, loadConfig, TimeSource, UnitOfWork, type AppConfig } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import { WorkViewsService } from '@fuyi/cases';
import { WORK_VIEW_INDEXES, WorkViewIndexes1795733100000 } from '../db/migrations/1795733100000-WorkViewIndexes';
import { withBenchDatabase } from './bench-database';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN_FIRST = [...'小建志文晓国海春秀玉明丽永金德红桂淑子宇俊佳雨思梓浩欣嘉家一若天振立新学云美素凤'];
const GIVEN_SECOND = [...'明华伟芳娜英敏静丽强磊军洋勇艳杰娟涛超兰霞平刚峰辉宁亮飞林梅鑫波琳婷雪萍燕丹鹏斌凯轩涵怡琪豪然'];
const CATEGORIES = ['penalty', 'coercive', 'expropriation', 'demolition', 'public_security', 'info_disclosure', 'licensing', 'inaction', 'social_security', 'other'];
const TOWNSHIPS = 22;
const RESPONDENTS = 40;
const HANDLERS = 200;
const SPAN_DAYS = 730;

/** Pick from an array parameter; skew > 1 makes the first entries the most common (surnames: 王 about 10%). */
const pick = (param: string, skew = 1) => `(${param}::text[])[1 + floor(power(random(), ${skew}) * cardinality(${param}::text[]))::int]`;

/** Loads on one connection, so its settings (seed, asynchronous commit, memory) hold for every statement. */
async function load(q: QueryRunner, n: number, cipher: FieldCipher): Promise<{ stats: Record<string, number>; idNumbers: string[] }> {
  const t0 = Date.now();
  await q.query(`SET synchronous_commit = off`);
  await q.query(`SET work_mem = '256MB'`);
  await q.query(`SELECT setseed(0.4242)`);
  await q.query(`INSERT INTO townships (id, code, name, kind) SELECT g, 'T' || g, '街乡镇' || g, 'street' FROM generate_series(1, ${TOWNSHIPS}) g`);
  await q.query(`INSERT INTO departments (name, kind) SELECT '区行政机关' || g, 'department' FROM generate_series(1, ${RESPONDENTS}) g`);
  await q.query(`INSERT INTO users (username, display_name, role, password_hash) SELECT 'wv' || lpad(g::text, 3, '0'), '承办人' || g, 'reconsideration_clerk', 'x' FROM generate_series(1, ${HANDLERS}) g`);
  // The newest cases (largest seq) are the open ones, as in an office: age in days decides the likely state.
  await q.query(`
    INSERT INTO cases (id, case_number, year, seq, state, procedure, township_id, registered_by, channel, receipt_at, respondent_department_id,
                       category, act_type, act_known_date, requests, facts_reasons, query_code_hash, handler_id, accepted_on)
    SELECT gen_random_uuid(), '通复〔' || extract(year FROM s.at)::int || '〕第' || lpad(s.g::text, 7, '0') || '号', extract(year FROM s.at)::int, s.g,
           s.state, CASE WHEN s.state IN ('registered', 'correction_requested', 'refused') THEN NULL WHEN random() < 0.2 THEN 'simplified' ELSE 'ordinary' END,
           1 + (random() * ${TOWNSHIPS - 1})::int, h.ids[1], 'counter', s.at, 1 + (random() * ${RESPONDENTS - 1})::int,
           ($2::text[])[1 + floor(power(random(), 1.5) * cardinality($2::text[]))::int], '行政处罚决定', (s.at - interval '20 days')::date,
           '请求撤销被申请人作出的行政处罚决定', '被申请人认定事实不清，证据不足。', repeat('0', 64),
           CASE WHEN s.state IN ('registered', 'correction_requested', 'refused') THEN NULL ELSE h.ids[1 + floor(random() * ${HANDLERS})::int] END,
           CASE WHEN s.state IN ('registered', 'correction_requested', 'refused', 'abandoned') THEN NULL ELSE (s.at + interval '5 days')::date END
      FROM (SELECT g, at, CASE
              WHEN age < 7 THEN CASE WHEN r < .80 THEN 'registered' WHEN r < .90 THEN 'correction_requested' WHEN r < .95 THEN 'refused' ELSE 'accepted' END
              WHEN age < 60 THEN CASE WHEN r < .70 THEN 'accepted' WHEN r < .76 THEN 'suspended' WHEN r < .80 THEN 'decision_pending' WHEN r < .84 THEN 'decided'
                                      WHEN r < .90 THEN 'served' WHEN r < .94 THEN 'terminated' WHEN r < .97 THEN 'mediated' ELSE 'refused' END
              WHEN age < 120 THEN CASE WHEN r < .10 THEN 'accepted' WHEN r < .15 THEN 'suspended' WHEN r < .20 THEN 'served' WHEN r < .22 THEN 'decided'
                                       WHEN r < .70 THEN 'archived' WHEN r < .85 THEN 'terminated' WHEN r < .95 THEN 'mediated' ELSE 'refused' END
              ELSE CASE WHEN r < .005 THEN 'suspended' WHEN r < .80 THEN 'archived' WHEN r < .88 THEN 'terminated' WHEN r < .95 THEN 'mediated'
                        WHEN r < .98 THEN 'refused' ELSE 'abandoned' END END AS state
              FROM (SELECT g, random() AS r, ($1 - g) * ${SPAN_DAYS}.0 / $1 AS age,
                           now() - (($1 - g) * ${SPAN_DAYS}.0 / $1) * interval '1 day' AS at FROM generate_series(1, $1::int) g) a) s,
           (SELECT array_agg(id ORDER BY username) AS ids FROM users) h`, [n, CATEGORIES]);
  const casesMs = Date.now() - t0;
  // Applicants (a second one in 10% of cases), agents (20%), third parties (5%).
  await q.query(`
    INSERT INTO case_parties (case_id, role, kind, name, id_number_enc, id_number_index, phone_enc, address_enc, position)
    SELECT c.id, x.role, 'person',
           ${pick('$1', 2)} || CASE WHEN random() < 0.3 THEN ${pick('$3')} ELSE ${pick('$2')} || ${pick('$3')} END,
           'v1.' || md5(random()::text) || '.' || md5(random()::text), md5(random()::text) || md5(random()::text),
           'v1.' || md5(random()::text), 'v1.' || md5(random()::text) || md5(random()::text), x.pos
      FROM cases c CROSS JOIN LATERAL (VALUES ('applicant', 0, 1.0), ('applicant', 1, 0.10), ('agent', 0, 0.20), ('third_party', 0, 0.05)) x(role, pos, p)
     WHERE random() + 0 * c.seq < x.p`, [SURNAMES, GIVEN_FIRST, GIVEN_SECOND]);
  // Clocks as the case's history left them: acceptance review, the reply, the decision (or the lawsuit window after service).
  await q.query(`
    INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version, extension_days, suspensions)
    SELECT case_id, rule, start_date, due_date, status, 1, ext, susp FROM (
      SELECT c.id AS case_id, 'acceptance-review' AS rule, c.receipt_at::date AS start_date, c.receipt_at::date + 7 AS due_date,
             CASE c.state WHEN 'registered' THEN 'running' WHEN 'correction_requested' THEN 'cancelled' ELSE 'met' END AS status, 0 AS ext, '[]'::jsonb AS susp
        FROM cases c
      UNION ALL
      SELECT c.id, CASE WHEN c.state IN ('registered', 'correction_requested') THEN 'applicant-correction' WHEN c.state = 'accepted' AND c.accepted_on > current_date - 25 THEN 'respondent-reply' ELSE 'copy-to-respondent' END,
             c.receipt_at::date + 3, c.receipt_at::date + 24,
             CASE WHEN c.state = 'correction_requested' OR (c.state = 'accepted' AND c.accepted_on > current_date - 25) THEN 'running' ELSE 'met' END, 0, '[]'::jsonb
        FROM cases c WHERE c.state <> 'registered'
      UNION ALL
      SELECT c.id, CASE WHEN c.state = 'served' THEN 'lawsuit' WHEN c.procedure = 'simplified' THEN 'decision-simplified' ELSE 'decision' END,
             c.accepted_on,
             CASE WHEN c.state = 'served' THEN current_date + (random() * 15)::int WHEN c.state = 'suspended' THEN current_date + (random() * 50)::int
                  ELSE c.accepted_on + 60 + e.ext END,
             CASE WHEN c.state IN ('accepted', 'decision_pending', 'served') THEN 'running' WHEN c.state = 'suspended' THEN 'paused' ELSE 'met' END,
             e.ext, CASE WHEN c.state = 'suspended' THEN jsonb_build_array(jsonb_build_object('from', current_date - 10)) ELSE '[]'::jsonb END
        FROM cases c CROSS JOIN LATERAL (SELECT CASE WHEN c.state IN ('accepted', 'decision_pending', 'suspended') AND random() < 0.08 THEN 30 ELSE 0 END AS ext) e
       WHERE c.accepted_on IS NOT NULL
      UNION ALL
      SELECT c.id, 'suspension-cap', current_date - 10, current_date + 50, 'running', 0, '[]'::jsonb FROM cases c WHERE c.state = 'suspended'
    ) k ORDER BY start_date`);
  // Five events per case, inserted in time order (a case's events are spread over the table, as in production).
  await q.query(`
    INSERT INTO case_events (case_id, occurred_at, type, actor_id, data)
    SELECT c.id, c.receipt_at + i * interval '1 day', (ARRAY['registered', 'accepted', 'assigned', 'copy_sent', 'reply_received'])[i], c.handler_id, jsonb_build_object('step', i)
      FROM cases c, generate_series(1, 5) i ORDER BY 2`);
  // A sample of applicants get real blind indexes of valid ID numbers, for the ID-number search.
  const sample: Array<{ id: string }> = await q.query(`SELECT id FROM case_parties WHERE role = 'applicant' ORDER BY random() LIMIT 1000`);
  const ids = sample.map((_, i) => { const first17 = `110112${1960 + (i % 40)}0${1 + (i % 9)}1${i % 10}${String(i).padStart(3, '0')}`; return first17 + idNumberCheckChar(first17); });
  await q.query(`UPDATE case_parties p SET id_number_index = t.ix FROM unnest($1::uuid[], $2::text[]) AS t(id, ix) WHERE p.id = t.id`,
    [sample.map((s) => s.id), ids.map((id) => cipher.blindIndex(id))]);
  const loadMs = Date.now() - t0;
  await allVisible(q);
  const counts = (await q.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_parties)::int AS parties,
      (SELECT count(*) FROM case_clocks)::int AS clocks, (SELECT count(*) FROM case_events)::int AS events,
      (SELECT count(*) FROM cases WHERE state NOT IN ('refused', 'abandoned', 'terminated', 'mediated', 'archived'))::int AS open_cases,
      (SELECT count(*) FROM case_clocks WHERE status IN ('running', 'paused'))::int AS open_clocks`))[0];
  return { stats: { ...counts, casesLoadMs: casesMs, loadMs, vacuumAnalyzeMs: Date.now() - t0 - loadMs }, idNumbers: ids };
}

/**
 * VACUUM until the visibility map covers the tables, as autovacuum keeps it in production: index-only scans depend
 * on it. A VACUUM right after a bulk load can leave pages unmarked (hint bits of just-committed rows), hence the loop.
 */
async function allVisible(q: QueryRunner): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await q.query(`CHECKPOINT`);
    await q.query(`VACUUM (ANALYZE) cases, case_parties, case_clocks, case_events`);
    const [{ ratio }] = await q.query(`SELECT min(relallvisible::float / greatest(relpages, 1)) AS ratio FROM pg_class
      WHERE relname IN ('cases', 'case_parties', 'case_clocks', 'case_events')`);
    if (ratio > 0.98) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

interface Scenario {
  name: string;
  call: (i: number) => Promise<unknown>;
}

async function scenarios(ds: DataSource, svc: WorkViewsService, idNumbers: string[]): Promise<Scenario[]> {
  const handlers: Array<{ id: string }> = await ds.query(`SELECT id FROM users WHERE username LIKE 'wv%' ORDER BY username`);
  const names: Array<{ name: string }> = await ds.query(`SELECT name FROM case_parties WHERE role = 'applicant' AND char_length(name) = 3 ORDER BY random() LIMIT 200`);
  // The worst case for two characters: the commonest given name of the register.
  const [common] = await ds.query(`SELECT substr(name, 2) AS given, count(*)::int AS n FROM case_parties WHERE role = 'applicant' AND char_length(name) = 3 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
  const caseIds: Array<{ id: string }> = await ds.query(`SELECT id FROM cases ORDER BY random() LIMIT 200`);
  const actor = (userId: string): Actor => ({ userId, username: 'bench', role: Role.ReconsiderationClerk, townshipId: null });
  const chief = actor(handlers[0].id);
  const page5: Array<string | null> = [];
  for (const category of CATEGORIES) {
    let cursor: string | null = null;
    for (let p = 1; p < 5; p++) cursor = (await svc.office(chief, { category }, 50, cursor ?? undefined)).nextCursor;
    page5.push(cursor);
  }
  const at = <T>(xs: T[], i: number) => xs[i % xs.length];
  return [
    { name: 'handler queue', call: (i) => svc.myQueue(actor(at(handlers, i).id), 50) },
    { name: 'office view, township + category', call: (i) => svc.office(chief, { townshipId: 1 + (i % TOWNSHIPS), category: at(CATEGORIES, i * 7) }, 50) },
    { name: 'office view, no filter', call: () => svc.office(chief, {}, 50) },
    { name: 'office view, overdue + respondent', call: (i) => svc.office(chief, { flag: 'overdue', respondentDepartmentId: 1 + (i % RESPONDENTS) }, 50) },
    { name: 'office view, paused', call: () => svc.office(chief, { flag: 'paused' }, 50) },
    { name: 'office view, due this week', call: () => svc.office(chief, { flag: 'dueThisWeek' }, 50) },
    // GET /me/figures: a count per list filter, each with the list's conditions (issue 16 item 5).
    { name: "home figures, a handler's (3 counts)", call: (i) => svc.figures(actor(at(handlers, i).id)) },
    { name: "home figures, the chief's (6 counts over the district)", call: () => svc.figures({ ...chief, role: Role.SectionChief }) },
    { name: 'office view, category, 5th page (keyset cursor)', call: (i) => svc.office(chief, { category: at(CATEGORIES, i) }, 50, at(page5, i) ?? undefined) },
    // Search pages hold 20 cases (the API's default), lists 50.
    { name: 'name search, 3 characters (full name)', call: (i) => svc.searchByName(chief, at(names, i).name, 20) },
    { name: 'name search, 2 characters (given name)', call: (i) => svc.searchByName(chief, [...at(names, i).name].slice(1).join(''), 20) },
    { name: `name search, 2 characters, commonest given name (${common.given}, ${common.n} applicants)`, call: () => svc.searchByName(chief, common.given, 20) },
    { name: 'name search, 2 characters (surname + first given-name character, as typed)', call: (i) => svc.searchByName(chief, [...at(names, i).name].slice(0, 2).join(''), 20) },
    { name: 'name search, 1 character', call: (i) => svc.searchByName(chief, [...at(names, i).name][2], 20) },
    { name: 'ID-number search', call: (i) => svc.searchByIdNumber(chief, at(idNumbers, i), 20) },
    { name: 'case timeline', call: (i) => svc.timeline(chief, at(caseIds, i).id, 50) },
  ];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function measure(list: Scenario[], runs: number, warmup = 3): Promise<Record<string, { p50: number; p95: number }>> {
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const s of list) {
    for (let i = 0; i < warmup; i++) await s.call(i + 1000); // the connection pool, the calendar cache
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      await s.call(i);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    ms.sort((a, b) => a - b);
    out[s.name] = { p50: Number(quantile(ms, 0.5).toFixed(2)), p95: Number(quantile(ms, 0.95).toFixed(2)) };
  }
  return out;
}

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_CASES ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? 10);
  const config: AppConfig = loadConfig({ NODE_ENV: 'test' });
  const cipher = new FieldCipher(config.dataKey);
  return withBenchDatabase(4, async (ds) => {
    const migration = new WorkViewIndexes1795733100000();
    const runner = ds.createQueryRunner();
    // Measured without this migration first, whether or not db/migrations/index.ts registers it.
    if ((await ds.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'idx_clocks_open_case_due'`)).length) await migration.down(runner);
    const { stats, idNumbers } = await load(runner, n, cipher);
    // Only what current() needs: the calendar table and the make-up-day setting.
    const calendars = new CalendarService(new UnitOfWork(ds), undefined as never, undefined as never, config);
    const svc = new WorkViewsService(new UnitOfWork(ds), cipher, calendars, new TimeSource(config));
    // BENCH_ONLY=<part of a name> measures only the matching scenarios (the load is the same).
    const list = (await scenarios(ds, svc, idNumbers)).filter((s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY));

    const baseline = await measure(list, baselineRuns, 1);
    const t = Date.now();
    await runner.query(`SET maintenance_work_mem = '512MB'`);
    await migration.up(runner);
    const indexBuildMs = Date.now() - t;
    await ds.query(`ANALYZE cases, case_parties, case_clocks`);
    await runner.release();
    const indexed = await measure(list, runs);

    const sizes = await ds.query(`SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes
      WHERE indexrelname IN (SELECT unnest($1::text[])) ORDER BY pg_relation_size(indexrelid) DESC`, [WORK_VIEW_INDEXES]);
    const results = Object.fromEntries(Object.keys(indexed).map((k) => [k, {
      p50Ms: indexed[k].p50, p95Ms: indexed[k].p95, baselineP50Ms: baseline[k].p50, baselineP95Ms: baseline[k].p95,
      speedupP50: Number((baseline[k].p50 / indexed[k].p50).toFixed(1)), underTarget: indexed[k].p95 < 50,
    }]));
    return { today: shanghaiDate(new Date()), ...stats, runs, baselineRuns, indexBuildMs, results, indexSizes: Object.fromEntries(sizes.map((s: any) => [s.name, s.size])) };
  });
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
}
