import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { packagedCalendar } from '@fuyi/deadlines';
import { digestResults } from './support/sample';

const repoRoot = resolve(__dirname, '../../../..');
const child = resolve(__dirname, 'support/tz-child.ts');

function runUnder(tz: string): { tz: string; offsetMinutes: number; digest: string; checked: number; mismatches: number } {
  const out = spawnSync(process.execPath, ['-r', '@swc-node/register', child], {
    cwd: repoRoot,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (out.status !== 0) throw new Error(`child under TZ=${tz} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!);
}

describe('time-zone independence', () => {
  type Run = ReturnType<typeof runUnder>;
  let runs: Run[];
  beforeAll(() => {
    runs = ['UTC', 'Asia/Shanghai', 'America/New_York'].map(runUnder);
  }, 90_000);

  it('gives identical results (explanations included) under UTC, Asia/Shanghai and America/New_York', () => {
    const here = digestResults(packagedCalendar());
    expect(runs.map((r) => r.offsetMinutes)).toEqual([0, -480, 300]); // the zones really differ
    for (const r of runs) expect(r.digest).toBe(here);
  });

  it('agrees with chinese-days isWorkday on every day 2004 … latest loaded year', () => {
    // Only where the package itself is reliable: its date helpers use local time and slip west of UTC.
    for (const r of runs.filter((x) => x.offsetMinutes <= 0)) {
      expect(r.checked).toBeGreaterThan(8000);
      expect(r.mismatches).toBe(0);
    }
  });
});
