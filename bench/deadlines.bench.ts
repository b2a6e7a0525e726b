/**
 * Due-date computations per second on one core (this process is single-threaded), against the packaged
 * calendar, for a mix of rules: working and calendar periods, with and without suspensions.
 * Baseline, measured in the same run: a naive day-by-day loop calling chinese-days' isWorkday directly.
 *
 *   node -r @swc-node/register bench/deadlines.bench.ts
 */
import { cpus } from 'node:os';
import { addDays, toEpochDay, type IsoDate } from '@fuyi/kernel';
import { isWorkday } from 'chinese-days';
import {
  computeDeadline,
  packagedCalendar,
  RULES,
  type DeadlineInput,
  type RuleId,
  type WorkingCalendar,
} from '@fuyi/deadlines';

const MIX: RuleId[] = [
  'acceptance-review', 'correction-notice', 'applicant-correction', 'copy-to-respondent', 'respondent-reply',
  'simplified-copy', 'hearing-notice', 'decision', 'decision', 'decision-simplified', 'lawsuit', 'application',
];
const TIME_BOX_MS = 2_500;

/** Deterministic inputs: starts in 2020 … 2026, every third suspendable clock carries a suspension. */
function inputs(count: number): DeadlineInput[] {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  return Array.from({ length: count }, (_, i) => {
    const rule = MIX[i % MIX.length];
    const input: DeadlineInput = { rule, start: addDays('2020-01-01', next(7 * 365)) };
    if (RULES[rule].suspendable && i % 3 === 0) {
      const from = addDays(input.start, 1 + next(30));
      input.suspensions = [{ from, to: addDays(from, 1 + next(20)) }];
    }
    return input;
  });
}

/**
 * Naive reference: walk day by day, ask chinese-days for every day. Same counting rules as the engine:
 * working days skip non-working days; a calendar period rolls its last day forward, then moves by each
 * suspension that starts on or before the running due date, and rolls forward again (domain.md §4).
 */
function naiveDue(input: DeadlineInput): IsoDate {
  const def = RULES[input.rule];
  const step = def.direction === 'backward' ? -1 : 1;
  const roll = (d: IsoDate) => {
    while (!isWorkday(d)) d = addDays(d, 1);
    return d;
  };
  let d = input.start;
  if (def.unit === 'working') {
    const suspended = (x: IsoDate) => (input.suspensions ?? []).some((s) => x >= s.from && x < s.to!);
    for (let k = 0; k < def.period; ) {
      d = addDays(d, step);
      if (!suspended(d) && isWorkday(d)) k++;
    }
    return d;
  }
  d = roll(addDays(d, step * def.period));
  let moved = d;
  for (const s of [...(input.suspensions ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (s.from > d) break;
    moved = addDays(moved, toEpochDay(s.to!) - toEpochDay(s.from));
    d = roll(moved);
  }
  return d;
}

function perSecond(fn: () => number): { ops: number; checksum: number } {
  let ops = 0;
  let checksum = 0;
  const t0 = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < TIME_BOX_MS) {
    checksum += fn();
    ops++;
    if ((ops & 255) === 0) elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ops: Math.round((ops / elapsedMs) * 1000), checksum };
}

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

export async function run(): Promise<Record<string, number | string>> {
  const t0 = process.hrtime.bigint();
  const calendar: WorkingCalendar = packagedCalendar();
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const sample = inputs(10_000);

  // Sanity check: both give the same dates (2027 is provisional: the engine adds fixed holidays there).
  let compared = 0;
  let mismatches = 0;
  for (const input of sample.slice(0, 2_000)) {
    const result = computeDeadline(input, calendar, { explain: false });
    if (result.provisional) continue;
    compared++;
    if (result.due !== naiveDue(input)) mismatches++;
  }

  const nextA = cycle(sample);
  const bare = perSecond(() => computeDeadline(nextA(), calendar, { explain: false }).due.length);
  const nextB = cycle(sample);
  const explained = perSecond(() => computeDeadline(nextB(), calendar).explanation.length);
  const nextC = cycle(sample);
  const naive = perSecond(() => naiveDue(nextC()).length);

  const days = Array.from({ length: 4096 }, (_, i) => addDays('2020-01-01', (i * 37) % 2557));
  const epochDays = days.map(toEpochDay);
  const nextDay = cycle(epochDays);
  const lookups = perSecond(() => (calendar.isWorkingEpochDay(nextDay()) ? 1 : 0));
  const nextIso = cycle(days);
  const pkgLookups = perSecond(() => (isWorkday(nextIso()) ? 1 : 0));

  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    mix: `${MIX.length} rules (working + calendar + backward), 1/3 of suspendable clocks with a suspension, starts 2020-2026`,
    calendarBuildMs: Math.round(buildMs * 10) / 10,
    computationsPerSecNoExplanation: bare.ops,
    computationsPerSecWithExplanation: explained.ops,
    baselineNaiveIsWorkdayPerSec: naive.ops,
    ratioNoExplanationVsBaseline: Math.round((bare.ops / naive.ops) * 10) / 10,
    ratioWithExplanationVsBaseline: Math.round((explained.ops / naive.ops) * 10) / 10,
    isWorkingDayLookupsPerSec: lookups.ops,
    chineseDaysIsWorkdayPerSec: pkgLookups.ops,
    baselineComparedResults: compared,
    baselineMismatches: mismatches,
  };
}

if (require.main === module) {
  run().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
