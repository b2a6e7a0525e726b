/**
 * Group-dispute detection at 1,000,000 applications (issue 6, item 4): the incremental job over 1,000 new applications
 * (600 of them in 40 brewing groups of 15), through ClusterDetector.scanNew against real PostgreSQL (reads, matching,
 * writes, alerts to 3 liaison officers).
 * Data: 3 years of applications over 40 respondents and 22 townships; 25% name one of ~20,000 projects (a project
 * belongs to one respondent), 10% a place, 10% a document number; 100,000 consultations likewise. Set-based generate_series.
 * Baseline in the same run: a naive full rescan, the same code reading every record of every department (no date
 * window) and matching the new ones against all of them, plan only (no writes, so the baseline is flattered).
 *
 *   node -r @swc-node/register bench/group-disputes.bench.ts   (BENCH_CASES=1000000, BENCH_NEW=1000)
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AuditService, loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { ClusterAlerts, ClusterDetector, ClusterQueries, ClusterRecords, planClusters } from '@fuyi/liaison';
import { withBenchDatabase } from './bench-database';
import { Notifier } from '@fuyi/notifications';

const RESPONDENTS = 40;
const TOWNSHIPS = 22;
const SPAN_DAYS = 1095;
const TOWNS = ['宋庄镇', '张家湾镇', '漷县镇', '马驹桥镇', '西集镇', '台湖镇', '永乐店镇', '潞城镇', '永顺镇', '梨园镇', '于家务乡'];
const CHARS = '东西南北前后上下大小新老高马王李张赵杨黄白石沙河桥庄屯营台湖柳杨槐榆枣梨桃花园林泉井坡岗堡寨店集口关坊塔寺窑';
const SUFFIX = ['棚户区改造项目', '拆迁工程', '征地项目', '违法建设拆除'];

/** A project's name from its number: town + two-character village + 村 + kind; k fixes the respondent (k % 40). */
const projectName = (k: string) =>
  `($1::text[])[1 + (${k}) % ${TOWNS.length}] || substr($2, 1 + ((${k}) * 7) % ${CHARS.length}, 1) || substr($2, 1 + ((${k}) / ${CHARS.length}) % ${CHARS.length}, 1) || '村' || ($3::text[])[1 + (${k}) % 4]`;

async function load(ds: DataSource, n: number, fresh: number): Promise<Record<string, number>> {
  const q = ds.createQueryRunner();
  const t0 = Date.now();
  try {
    await q.query(`SET synchronous_commit = off`);
    await q.query(`SET work_mem = '256MB'`);
    await q.query(`SELECT setseed(0.2611)`);
    await q.query(`INSERT INTO townships (id, code, name, kind) SELECT g, 'T' || g, '街乡镇' || g, 'street' FROM generate_series(1, ${TOWNSHIPS}) g`);
    await q.query(`INSERT INTO departments (id, name, kind) SELECT g, '区行政机关' || g, 'department' FROM generate_series(1, ${RESPONDENTS}) g`);
    await q.query(`INSERT INTO users (username, display_name, role, password_hash) SELECT 'gd' || g, '联络员' || g, 'liaison_officer', 'x' FROM generate_series(1, 3) g`);
    const names = [TOWNS, CHARS, SUFFIX];
    await q.query(`
      INSERT INTO cases (case_number, year, seq, state, township_id, registered_by, channel, receipt_at, created_at, respondent_department_id,
                         category, act_type, act_document_number, act_project, act_place, act_known_date, requests, facts_reasons, query_code_hash)
      SELECT '通复〔bench〕' || s.g, extract(year FROM s.at)::int, s.g, 'archived', 1 + s.g % ${TOWNSHIPS}, u.id, 'counter', s.at, s.at,
             CASE WHEN s.k IS NULL THEN 1 + (random() * ${RESPONDENTS - 1})::int ELSE 1 + s.k % ${RESPONDENTS} END, 'demolition', '房屋征收补偿决定',
             CASE WHEN random() < 0.1 THEN '通征〔' || s.g || '〕号' END,
             CASE WHEN s.k IS NOT NULL THEN ${projectName('s.k')} END,
             CASE WHEN random() < 0.1 THEN ${projectName('(random() * 20000)::int')} || '东区' END,
             (s.at - interval '20 days')::date, '请求撤销', '事实不清', repeat('0', 64)
        FROM (SELECT g, now() - interval '4 days' - (($4 - g) * ${SPAN_DAYS}.0 / $4) * interval '1 day' AS at,
                     CASE WHEN random() < 0.25 THEN (random() * 20000)::int END AS k FROM generate_series(1, $4::int) g) s,
             (SELECT id FROM users LIMIT 1) u`, [...names, n]);
    const casesMs = Date.now() - t0;
    await q.query(`
      INSERT INTO consultations (township_id, clerk_id, consulted_at, created_at, visitor_name, topic, category, respondent_department_id, advice, act_project)
      SELECT 1 + g % ${TOWNSHIPS}, u.id, s.at, s.at, '来访人', '征收补偿', 'demolition', CASE WHEN s.k IS NULL THEN 1 + g % ${RESPONDENTS} ELSE 1 + s.k % ${RESPONDENTS} END,
             '告知复议期限', CASE WHEN s.k IS NOT NULL THEN ${projectName('s.k')} END
        FROM (SELECT g, now() - interval '4 days' - random() * ${SPAN_DAYS} * interval '1 day' AS at, CASE WHEN random() < 0.3 THEN (random() * 20000)::int END AS k
                FROM generate_series(1, $4::int / 10) g) s, (SELECT id FROM users LIMIT 1) u`, [...names, n]);
    await q.query(`VACUUM (ANALYZE) cases, consultations`);
    // Everything so far is history: the detection job starts after it.
    await q.query(`UPDATE group_dispute_watermarks w SET last_created_at = now(), last_id = 'ffffffff-ffff-ffff-ffff-ffffffffffff'`);
    const loadMs = Date.now() - t0;
    // The new applications: 40 groups of 15 on new projects, the rest like the history; received in the last 3 days.
    await q.query(`
      INSERT INTO cases (case_number, year, seq, state, township_id, registered_by, channel, receipt_at, respondent_department_id,
                         category, act_type, act_project, act_known_date, requests, facts_reasons, query_code_hash)
      SELECT '通复〔new〕' || s.g, 2026, $4::int + s.g, 'registered', 1 + s.g % ${TOWNSHIPS}, u.id, 'counter', now() - random() * interval '3 days',
             CASE WHEN s.k IS NULL THEN 1 + (random() * ${RESPONDENTS - 1})::int ELSE 1 + s.k % ${RESPONDENTS} END, 'demolition', '房屋征收补偿决定',
             CASE WHEN s.k IS NOT NULL THEN ${projectName('s.k')} END, current_date - 10, '请求撤销', '事实不清', repeat('0', 64)
        FROM (SELECT g, CASE WHEN g <= 600 THEN 30000 + g / 15 WHEN random() < 0.25 THEN (random() * 20000)::int END AS k
                FROM generate_series(1, $5::int) g) s, (SELECT id FROM users LIMIT 1) u`, [...names, n, fresh]);
    return { cases: n, consultations: n / 10, newApplications: fresh, casesLoadMs: casesMs, loadMs };
  } finally {
    await q.release();
  }
}

/** The naive job: every record of every department read again, the new ones matched against all of them (plan only). */
async function fullRescan(ds: DataSource, detector: ClusterDetector): Promise<{ ms: number; rowsRead: number; comparisons: number; groups: number }> {
  const t = Date.now();
  const fresh = await ClusterRecords.load(ds, (await ds.query(`SELECT id FROM cases WHERE case_number LIKE '通复〔new〕%'`)).map((r: any) => ({ kind: 'case', id: r.id })));
  let rowsRead = 0;
  let comparisons = 0;
  let groups = 0;
  for (let d = 1; d <= RESPONDENTS; d++) {
    const all = await ClusterRecords.candidates(ds, d, '1900-01-01', '2100-01-01', 0);
    rowsRead += all.length;
    const plan = planClusters({ respondent: `区行政机关${d}`, fresh: fresh.filter((r) => r.departmentId === d), candidates: all, memberships: new Map(), clusters: new Map(), settings: detector.settings });
    comparisons += plan.comparisons;
    groups += plan.creates.length;
  }
  return { ms: Date.now() - t, rowsRead, comparisons, groups };
}

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_CASES ?? 1_000_000);
  const fresh = Number(process.env.BENCH_NEW ?? 1000);
  const config = loadConfig({ NODE_ENV: 'test' });
  return withBenchDatabase(4, async (ds) => {
    const stats = await load(ds, n, fresh);
    const queries = new ClusterQueries(new UnitOfWork(ds));
    const detector = new ClusterDetector(new UnitOfWork(ds), new ClusterAlerts(queries, new AuditService(), Notifier.standalone(ds, loadConfig(process.env)), new TimeSource(config)), config);
    const baseline = await fullRescan(ds, detector);
    const t = Date.now();
    const job = await detector.scanNew({ lagMs: 0 });
    const incrementalMs = Date.now() - t;
    const [{ clusters, alerts }] = await ds.query(`SELECT (SELECT count(*)::int FROM group_disputes) AS clusters, (SELECT count(*)::int FROM notifications) AS alerts`);
    const t2 = Date.now();
    const repeat = await detector.processRecords((await ds.query(`SELECT id FROM cases WHERE case_number LIKE '通复〔new〕%'`)).map((r: any) => ({ kind: 'case', id: r.id })));
    const repeatMs = Date.now() - t2;
    const tableRows = n + n / 10 + fresh;
    return {
      ...stats, settings: detector.settings,
      incremental: { ms: incrementalMs, records: job.records, candidateRowsRead: job.candidateRows, comparisons: job.comparisons, clustersCreated: job.created, grown: job.grown },
      candidateShareOfTables: `${job.candidateRows} of ${tableRows} (${((100 * job.candidateRows) / tableRows).toFixed(2)}%)`,
      baselineFullRescan: baseline,
      speedup: Number((baseline.ms / incrementalMs).toFixed(1)),
      stored: { clusters, alerts },
      repeatSameRecords: { ms: repeatMs, created: repeat.created, grown: repeat.grown },
    };
  });
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
}
