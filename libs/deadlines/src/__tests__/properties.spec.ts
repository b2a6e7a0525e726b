import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from '@fuyi/kernel';
import {
  computeDeadline, computeWithRule, packagedCalendar, RULE_IDS, RULES,
  type DeadlineInput, type RuleDefinition, type RuleId, type SuspensionInput,
} from '@fuyi/deadlines';

fc.configureGlobal({ numRuns: 400 });

const calendar = packagedCalendar();
const makeUpOff = packagedCalendar({ makeUpDaysCount: false });
const FIRST = toEpochDay('2004-01-01');
const LAST = toEpochDay('2027-12-31');

const day = fc.integer({ min: FIRST, max: LAST });
const upTo30 = fc.integer({ min: 0, max: 30 });
const extendable = fc.constantFrom<RuleId>('decision', 'applicant-correction', 'mediation', 'mediation-in-case');
const rule = fc.constantFrom(...RULE_IDS);
const suspendable = RULE_IDS.filter((r) => RULES[r].suspendable);
const workingRules = RULE_IDS.filter((r) => RULES[r].unit === 'working' && RULES[r].direction === 'forward');
const calendarRules = RULE_IDS.filter((r) => RULES[r].unit === 'calendar');
const suspendableCalendar = suspendable.filter((r) => RULES[r].unit === 'calendar');
/** A working-day rule that may be suspended: exercises the "working days in [S, R) are not counted" path. */
const suspendableWorking: RuleDefinition = { ...RULES['respondent-reply'], suspendable: true };

const due = (r: RuleId, start: number, more: Partial<DeadlineInput> = {}, cal = calendar) =>
  toEpochDay(computeDeadline({ rule: r, start: fromEpochDay(start), ...more }, cal, { explain: false }).due);

/** Non-overlapping closed suspensions, as offsets from start: [gap, length] pairs. */
const suspensionPlan = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 })), { maxLength: 3 });
function toSuspensions(start: number, plan: Array<[number, number]>): SuspensionInput[] {
  let at = start;
  return plan.map(([gap, len]) => {
    at += gap;
    const s = { from: fromEpochDay(at), to: fromEpochDay(at + len) };
    at += len;
    return s;
  });
}

describe('deadline properties', () => {
  it('due is never before start (hearing notice: always before the hearing)', () => {
    fc.assert(
      fc.property(rule, day, (r, s) => {
        const d = due(r, s);
        return r === 'hearing-notice' ? d < s : d > s;
      }),
    );
  });

  it('every result lands on a working day, with either make-up setting', () => {
    fc.assert(
      fc.property(rule, day, fc.boolean(), (r, s, off) => {
        const cal = off ? makeUpOff : calendar;
        return cal.isWorkingEpochDay(due(r, s, {}, cal));
      }),
    );
  });

  it('working periods count exactly N working days after day 0 (naive oracle)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...workingRules), day, (r, s) => {
        const d = due(r, s);
        let n = 0;
        for (let x = s + 1; x <= d; x++) if (calendar.isWorkingEpochDay(x)) n++;
        return n === RULES[r].period;
      }),
    );
  });

  it('calendar periods end on the first working day on or after day N (naive oracle)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...calendarRules), day, (r, s) => {
        let expected = s + RULES[r].period;
        while (!calendar.isWorkingEpochDay(expected)) expected++;
        return due(r, s) === expected;
      }),
    );
  });

  it('a later start never gives an earlier due date', () => {
    fc.assert(
      fc.property(rule, day, fc.integer({ min: 0, max: 60 }), (r, s, k) => due(r, s) <= due(r, s + k)),
    );
  });

  it('adding a suspension never moves a due date earlier (calendar and working periods, either make-up setting)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...suspendable, 'custom'), day, suspensionPlan, fc.integer({ min: 0, max: 3 }), fc.boolean(), (r, s, plan, drop, off) => {
        const cal = off ? makeUpOff : calendar;
        const all = toSuspensions(s, plan as Array<[number, number]>);
        const fewer = all.filter((_, i) => i !== drop);
        const at = (list: SuspensionInput[]) => {
          const input = { start: fromEpochDay(s), suspensions: list };
          return r === 'custom'
            ? computeWithRule(suspendableWorking, input, cal, { explain: false }).due
            : computeDeadline({ rule: r as RuleId, ...input }, cal, { explain: false }).due;
        };
        return at(fewer) <= at(all) && at([]) <= at(all);
      }),
    );
  });

  it('calendar periods with suspensions: day N lengthened by the suspended days, rolled forward once (naive oracle)', () => {
    // domain.md §4 (corrected): walk the suspensions in date order; one that starts on or before the last day L
    // (day N so far) adds its days in [max(S, day 1), R) to L; one that starts after L but on or before the first
    // working day >= L (inside the roll-forward) sets L = R (the remaining grace runs from resumption); one that
    // starts later ends the walk. due = first working day >= L.
    const roll = (d: number, cal: typeof calendar) => {
      while (!cal.isWorkingEpochDay(d)) d++;
      return d;
    };
    fc.assert(
      fc.property(fc.constantFrom(...suspendableCalendar), day, suspensionPlan, fc.boolean(), (r, s, plan, off) => {
        const cal = off ? makeUpOff : calendar;
        const list = toSuspensions(s, plan as Array<[number, number]>);
        let last = s + RULES[r].period;
        let suspended = 0;
        for (const x of list) {
          const [from, to] = [Math.max(toEpochDay(x.from), s + 1), toEpochDay(x.to!)];
          if (to <= from) continue;
          if (from <= last) last += to - from;
          else if (from <= roll(last, cal)) last = to;
          else break;
          suspended += to - from;
        }
        const result = computeDeadline({ rule: r, start: fromEpochDay(s), suspensions: list }, cal, { explain: false });
        return toEpochDay(result.due) === roll(last, cal) && result.suspendedDays === suspended;
      }),
    );
  });

  it('a suspension of a calendar period moves day N by its days (never earlier than without it), or not at all if it starts too late', () => {
    fc.assert(
      fc.property(fc.constantFrom(...suspendableCalendar), day, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 30 }), (r, s, gap, len) => {
        const base = due(r, s);
        const susp = { from: fromEpochDay(s + gap), to: fromEpochDay(s + gap + len) };
        const result = computeDeadline({ rule: r, start: fromEpochDay(s), suspensions: [susp] }, calendar, { explain: false });
        const d = toEpochDay(result.due);
        if (s + gap > base) return d === base && result.suspendedDays === 0;
        const days = s + gap + len - Math.max(s + gap, s + 1);
        return (
          result.suspendedDays === Math.max(0, days) &&
          d >= s + RULES[r].period + Math.max(0, days) && // the period itself is lengthened (domain.md §4)
          d >= base &&
          d >= s + gap + len && // never ends inside the suspension
          calendar.isWorkingEpochDay(d)
        );
      }),
    );
  });

  it('a suspended clock never ends inside its suspension, and working days inside it are not counted', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 20 }), (s, gap, len) => {
        const susp = { from: fromEpochDay(s + gap), to: fromEpochDay(s + gap + len) };
        const r = computeWithRule(suspendableWorking, { start: fromEpochDay(s), suspensions: [susp] }, calendar, { explain: false });
        const d = toEpochDay(r.due);
        let n = 0;
        for (let x = s + 1; x <= d; x++) if (calendar.isWorkingEpochDay(x) && (x < s + gap || x >= s + gap + len)) n++;
        return n === 10 && (d < s + gap || d >= s + gap + len);
      }),
    );
  });

  it('an open suspension moves the due date later as "today" moves on', () => {
    fc.assert(
      fc.property(fc.constantFrom(...suspendable), day, upTo30, upTo30, upTo30, (r, s, gap, a, b) => {
        const from = fromEpochDay(s + gap);
        const input = (k: number) => ({ rule: r, start: fromEpochDay(s), suspensions: [{ from }], asOf: fromEpochDay(s + gap + k) });
        const at = (k: number) => computeDeadline(input(k), calendar, { explain: false });
        const [x, y] = [at(Math.min(a, b)), at(Math.max(a, b))];
        return x.due <= y.due && x.paused === toEpochDay(x.due) >= s + gap; // paused unless it expired first
      }),
    );
  });

  it('an extension or turning make-up days off never gives an earlier date', () => {
    fc.assert(
      fc.property(extendable, day, fc.integer({ min: 1, max: 10 }), (r, s, ext) =>
        due(r, s) <= due(r, s, { extensionDays: ext }) && due(r, s) <= due(r, s, {}, makeUpOff),
      ),
    );
  });

  it('skipping the explanation does not change the result', () => {
    fc.assert(
      fc.property(rule, day, (r, s) => {
        const full = computeDeadline({ rule: r, start: fromEpochDay(s) }, calendar);
        const bare = computeDeadline({ rule: r, start: fromEpochDay(s) }, calendar, { explain: false });
        return full.due === bare.due && full.provisional === bare.provisional && full.explanation.length > 3 && bare.explanation.length === 0;
      }),
    );
  });
});
