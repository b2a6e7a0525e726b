import { createHash } from 'node:crypto';
import { addDays } from '@fuyi/kernel';
import { computeDeadline, RULE_IDS, RULES, type DeadlineInput, type WorkingCalendar } from '@fuyi/deadlines';

/** A fixed, pseudo-random sample of inputs (no Math.random, no clock): same list in every process. */
export function sampleInputs(count = 3000): DeadlineInput[] {
  let seed = 20260929;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const inputs: DeadlineInput[] = [];
  for (let i = 0; i < count; i++) {
    const rule = RULE_IDS[i % RULE_IDS.length];
    const start = addDays('2004-01-01', next(24 * 365)); // 2004 … 2027
    const input: DeadlineInput = { rule, start };
    if (RULES[rule].suspendable && next(2) === 0) {
      const from = addDays(start, next(40));
      input.suspensions = [next(4) === 0 ? { from } : { from, to: addDays(from, next(30)) }];
      input.asOf = addDays(from, next(20));
    }
    if (RULES[rule].extensionCapDays && next(3) === 0) input.extensionDays = 1 + next(RULES[rule].extensionCapDays!);
    inputs.push(input);
  }
  return inputs;
}

/** sha256 over every field of every result, explanations included. */
export function digestResults(calendar: WorkingCalendar, inputs = sampleInputs()): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(JSON.stringify(computeDeadline(input, calendar)));
  return hash.digest('hex');
}
