/**
 * Time to recompute the open deadlines of 100,000 cases after a calendar change (issue: statutory clocks),
 * against real PostgreSQL. Baseline in the same run: the naive design that recomputes every open clock
 * and writes each with its own UPDATE (measured on a 10,000-clock sample and reported per clock).
 *
 *   node -r @swc-node/register bench/clocks-recompute.bench.ts      (BENCH_CASES=100000 by default)
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { addDays } from '@fuyi/kernel';
import { dropDatabase, loadConfig, TimeSource } from '@fuyi/platform';
import { ClockRecomputer, computeClock, loadCalendar, MilestoneWriter } from '@fuyi/clocks';
import { freshBenchDatabase } from './bench-database';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';


/** n cases, each with a running acceptance-review clock received on a working day of December 2026. */
export async function load(ds: DataSource, n: number): Promise<void> {
  const calendar = await loadCalendar(ds, 1, true);
  const starts = Array.from({ length: 28 }, (_, i) => addDays('2026-11-30', i)).filter((d) => calendar.isWorkingDay(d));
  const dues = starts.map((s) => computeClock(calendar, { rule: 'acceptance-review', start_date: s, suspensions: [], extension_days: 0 }, false).due);
  // The cases' references exist (foreign keys): one respondent department and one registering clerk.
  const [{ id: dept }] = await ds.query(`INSERT INTO departments (name, kind) VALUES ('区公安分局', 'department') RETURNING id`);
  const [{ id: clerk }] = await ds.query(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench', '基准测试', 'reconsideration_clerk', 'x') RETURNING id`,
  );
  await ds.query(`
    INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                       act_known_date, requests, facts_reasons, query_code_hash)
    SELECT gen_random_uuid(), '通复〔2026〕第' || lpad(g::text, 7, '0') || '号', 2026, g, 'registered', $2, 'counter',
           now(), $3, 'penalty', '行政处罚决定', '2026-11-01', '请求', '理由', repeat('0', 64)
      FROM generate_series(1, $1) g`, [n, clerk, dept]);
  await ds.query(`
    INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version)
    SELECT c.id, 'acceptance-review', ($1::date[])[1 + c.seq % $3], ($2::date[])[1 + c.seq % $3], 'running', 1 FROM cases c`,
    [starts, dues, starts.length]);
}

export async function run(): Promise<Record<string, number | string>> {
  const n = Number(process.env.BENCH_CASES ?? 100_000);
  const { url, ds } = await freshBenchDatabase(10);
  try {
    await load(ds, n);
    // A typhoon closes the offices on Fri 2026-12-11: every clock whose span covers it moves.
    await ds.query(`INSERT INTO calendar_days (date, kind, name, version) VALUES ('2026-12-11', 'closure', '台风停止办公', 2)`);
    await ds.query(`INSERT INTO calendar_versions (version, reason, changes) VALUES (2, 'bench', '[]')`);
    const calendar = await loadCalendar(ds, 2, true);

    const t0 = process.hrtime.bigint();
    const moved = await ds.transaction((m) => new ClockRecomputer(new MilestoneWriter(new TimeSource(loadConfig({ NODE_ENV: 'test' }))), caseClockMoveListeners(Notifier.standalone(ds, loadConfig(process.env)))).recompute(m, calendar, { from: '2026-12-11', to: '2026-12-11' }));
    const bulkMs = Number(process.hrtime.bigint() - t0) / 1e6;

    // Baseline: every open clock recomputed and written one UPDATE at a time (sample, then per clock).
    const sample: any[] = await ds.query(`SELECT id, rule, start_date, suspensions, extension_days FROM case_clocks LIMIT 10000`);
    const t1 = process.hrtime.bigint();
    await ds.transaction(async (m) => {
      for (const c of sample) {
        const r = computeClock(calendar, c, true);
        await m.query('UPDATE case_clocks SET due_date = $2, explanation = $3, calendar_version = $4 WHERE id = $1', [c.id, r.due, JSON.stringify(r.explanation), 2]);
      }
    });
    const naivePerClockMs = Number(process.hrtime.bigint() - t1) / 1e6 / sample.length;
    const naiveEstimateMs = naivePerClockMs * n;
    return {
      openClocks: n,
      clocksMoved: moved,
      recomputeMs: Math.round(bulkMs),
      naiveBaselineEstimateMs: Math.round(naiveEstimateMs),
      speedupVsNaive: Number((naiveEstimateMs / bulkMs).toFixed(1)),
    };
  } finally {
    await ds.destroy();
    await dropDatabase(url);
  }
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
}
