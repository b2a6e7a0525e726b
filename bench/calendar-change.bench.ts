/**
 * A calendar change while intake runs (issue 15 item 7): how long clock writes (every registration starts three) are
 * held up while a change moves the open clocks of BENCH_CASES (1,000,000) cases, a typhoon closing the offices on
 * Friday 2026-12-11 (every clock spanning that day moves, about a fifth of them).
 * Eight concurrent writers start clocks in a loop (ClockService.startMany, the registration's clock step) during the
 * change; reported: the longest clock write and how many waited over a second, for the design in use (version
 * committed at once, clocks moved in batches afterwards) and, in the same run on the same data, for the baseline it
 * replaced (one transaction holding the calendar lock exclusively for the whole recompute).
 *
 *   npm run bench calendar-change      (BENCH_CASES=1000000; loading takes about a minute)
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AuditService, loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService, ClockRecomputer, ClockService, loadCalendar, lockCalendarExclusive, MilestoneWriter } from '@fuyi/clocks';
import { load } from './clocks-recompute.bench';
import { withBenchDatabase } from './bench-database';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';

const WRITERS = 8;

let registered = 0;

/** Clock writes in a loop until stop(), each on a case of its own inserted in the same transaction: the latency of each, in ms. */
function intake(ds: DataSource, clocks: ClockService, refs: { clerk: string; dept: number }): { stop: () => Promise<number[]> } {
  let running = true;
  const latencies: number[] = [];
  const loops = Array.from({ length: WRITERS }, async () => {
    while (running) {
      const t0 = performance.now();
      await ds.transaction(async (m) => {
        const seq = ++registered;
        const [{ id }] = await m.query(
          `INSERT INTO cases (case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                              act_known_date, requests, facts_reasons, query_code_hash)
           VALUES ('基准〔2027〕第' || $1::text || '号', 2027, $1::int, 'registered', $2, 'counter', now(), $3, 'penalty', '行政处罚决定', '2026-11-01', '请求', '理由', repeat('0', 64))
           RETURNING id`,
          [seq, refs.clerk, refs.dept],
        );
        await clocks.startMany(m, id, [{ rule: 'acceptance-review', start: '2026-12-07' }, { rule: 'correction-notice', start: '2026-12-07' }]);
      });
      latencies.push(performance.now() - t0);
    }
  });
  return { stop: async () => { running = false; await Promise.all(loops); return latencies; } };
}

const summary = (l: number[], changeMs: number) => {
  const sorted = [...l].sort((a, b) => a - b);
  return {
    changeMs: Math.round(changeMs), clockWrites: l.length, longestWriteMs: Math.round(sorted[sorted.length - 1] ?? 0),
    writesOverOneSecond: l.filter((x) => x > 1000).length, p50WriteMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
  };
};

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_CASES ?? 1_000_000);
  return withBenchDatabase(20, async (ds) => {
    const t0 = Date.now();
    await load(ds, n);
    await ds.query('ANALYZE');
    const loadMs = Date.now() - t0;
    const config = loadConfig({ NODE_ENV: 'test' });
    const time = new TimeSource(config);
    const milestones = new MilestoneWriter(time);
    const recomputer = new ClockRecomputer(milestones, caseClockMoveListeners(Notifier.standalone(ds, loadConfig(process.env))));
    const calendars = new CalendarService(new UnitOfWork(ds), new AuditService(), recomputer, config);
    const clocks = new ClockService(new UnitOfWork(ds), calendars, milestones, time);
    const [refs] = await ds.query(`SELECT registered_by AS clerk, respondent_department_id AS dept FROM cases LIMIT 1`);

    // Baseline first (it leaves the clocks moved; the design in use then moves them back by removing the day).
    const before = intake(ds, clocks, refs);
    await new Promise((r) => setTimeout(r, 1000));
    const b0 = performance.now();
    const baselineMoved = await ds.transaction(async (m) => {
      await lockCalendarExclusive(m);
      await m.query(`INSERT INTO calendar_days (date, kind, name, version) VALUES ('2026-12-11', 'closure', '台风停止办公', 2)`);
      await m.query(`INSERT INTO calendar_versions (version, reason, changes, recomputed_at) VALUES (2, 'bench baseline', '[]', now())`);
      return recomputer.recompute(m, await loadCalendar(m, 2, true), { from: '2026-12-11', to: '2026-12-11' });
    });
    const baselineMs = performance.now() - b0;
    await new Promise((r) => setTimeout(r, 1000));
    const baseline = summary(await before.stop(), baselineMs);

    const during = intake(ds, clocks, refs);
    await new Promise((r) => setTimeout(r, 1000));
    const c0 = performance.now();
    const change = await calendars.removeDay(null, 'bench: 台风停止办公撤销', '2026-12-11');
    const changeMs = performance.now() - c0;
    await new Promise((r) => setTimeout(r, 1000));
    const batched = summary(await during.stop(), changeMs);

    return {
      openClocks: n, loadMs, clocksMovedBaseline: baselineMoved, clocksMovedBatched: change.clocksRecomputed,
      baseline, batched, longestWriteRatio: +(batched.longestWriteMs / Math.max(1, baseline.longestWriteMs)).toFixed(3),
    };
  });
}

if (require.main === module) run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
