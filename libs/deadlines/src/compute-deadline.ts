import { fromEpochDay, toEpochDay, type IsoDate } from '@fuyi/kernel';
import { countPeriod, type CountResult } from './count';
import { DeadlineErrorCode, deadlineError, requireDate } from './errors';
import { explainDeadline } from './explain';
import { citeArticle } from './citation';
import { isRuleId, RULES, type CountDirection, type PeriodUnit, type RuleDefinition, type RuleId } from './rules';
import { normalizeSuspensions, type SuspensionInput } from './suspensions';
import type { CalendarSource, WorkingCalendar } from './working-calendar';

export interface DeadlineInput {
  rule: RuleId;
  /** Day 0 of the period (never counted). For hearing-notice: the hearing date. */
  start: IsoDate;
  suspensions?: SuspensionInput[];
  /** Approved extension, in the rule's unit; only where the rule allows, within its cap. */
  extensionDays?: number;
  /** "Today" (Asia/Shanghai) for an open suspension; required when one is open. */
  asOf?: IsoDate;
}

export interface DeadlineResult {
  rule: RuleId;
  start: IsoDate;
  due: IsoDate;
  /** Depends on a day of a year whose holiday arrangement is not loaded. */
  provisional: boolean;
  /** An open suspension stops the clock; `due` assumes it resumes on `asOf`. */
  paused: boolean;
  explanation: string[];
  calendarVersion: number;
  calendarSource: CalendarSource;
  article: string;
  label: string;
  unit: PeriodUnit;
  direction: CountDirection;
  period: number;
  extensionDays: number;
  /**
   * Days not counted because of suspensions (R − S for each suspension that counts, day 0 excluded). Calendar periods:
   * the days the last day of the period moved by (domain.md §4), or the grace kept for a suspension that started
   * inside the holiday roll-forward.
   */
  suspendedDays: number;
  /** Unloaded years the result depends on (empty unless provisional). */
  provisionalYears: number[];
}

export interface ComputeOptions {
  /** Build the Chinese explanation (default true); a bulk recompute may skip it. */
  explain?: boolean;
}

export function computeDeadline(
  input: DeadlineInput,
  calendar: WorkingCalendar,
  options?: ComputeOptions,
): DeadlineResult {
  if (!isRuleId(input?.rule)) {
    throw deadlineError(DeadlineErrorCode.UnknownRule, `未知的期限规则「${String(input?.rule)}」`, 'rule');
  }
  return computeWithRule(RULES[input.rule], input, calendar, options);
}

/** Same as computeDeadline for an explicit rule definition (custom policies, tests). */
export function computeWithRule(
  def: RuleDefinition,
  input: Omit<DeadlineInput, 'rule'>,
  calendar: WorkingCalendar,
  options?: ComputeOptions,
): DeadlineResult {
  const start = requireDate(input.start, 'start', def.direction === 'backward' ? '听证日期' : '起算日期');
  const asOf = input.asOf === undefined ? undefined : requireDate(input.asOf, 'asOf', '计算基准日');
  const extensionDays = checkExtension(def, input.extensionDays);
  const startDay = toEpochDay(start);
  const intervals = normalizeSuspensions(def, input.suspensions, startDay, asOf);
  const total = def.period + extensionDays;

  const count = countPeriod(def, startDay, total, intervals, calendar);
  const paused = intervals.some((s, i) => s.open && count.effects[i] !== 'after');
  const suspendedDays = count.suspendedDays;
  const provisionalYears = count.provisional ? unloadedYears(count.consulted, calendar) : [];

  const result: DeadlineResult = {
    rule: def.id,
    start,
    due: fromEpochDay(count.due),
    provisional: count.provisional,
    paused,
    explanation: [],
    calendarVersion: calendar.version,
    calendarSource: calendar.source,
    article: def.article,
    label: def.label,
    unit: def.unit,
    direction: def.direction,
    period: def.period,
    extensionDays,
    suspendedDays,
    provisionalYears,
  };
  if (options?.explain !== false) {
    result.explanation = explainDeadline({ def, startDay, total, count, intervals, calendar, extensionDays });
  }
  return result;
}

function checkExtension(def: RuleDefinition, ext: number | undefined): number {
  if (ext === undefined || ext === 0) return 0;
  if (typeof ext !== 'number' || !Number.isInteger(ext) || ext < 0) {
    throw deadlineError(DeadlineErrorCode.InvalidExtension, `延长天数「${String(ext)}」无效，应为正整数`, 'extensionDays');
  }
  if (def.extensionCapDays === null) {
    throw deadlineError(
      DeadlineErrorCode.ExtensionNotAllowed,
      `${def.label}（${citeArticle(def.article)}）依法不得延长`,
      'extensionDays',
    );
  }
  if (ext > def.extensionCapDays) {
    const unit = def.unit === 'working' ? '个工作日' : '日';
    throw deadlineError(
      DeadlineErrorCode.ExtensionExceedsCap,
      `${def.label}最多延长${def.extensionCapDays}${unit}（${citeArticle(def.article)}），申请延长${ext}${unit}超过上限`,
      'extensionDays',
    );
  }
  return ext;
}

/** Years, among the days whose working status was consulted, that are not loaded. */
function unloadedYears(ranges: CountResult['consulted'], cal: WorkingCalendar): number[] {
  const years = new Set<number>();
  for (const [lo, hi] of ranges) {
    for (let y = Number(fromEpochDay(lo).slice(0, 4)); y <= Number(fromEpochDay(hi).slice(0, 4)); y++) {
      if (!cal.isLoaded(y)) years.add(y);
    }
  }
  return [...years].sort((a, b) => a - b);
}
