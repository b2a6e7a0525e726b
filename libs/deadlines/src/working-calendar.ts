import { fromEpochDay, toEpochDay, weekday, type IsoDate } from '@fuyi/kernel';
import { normalizeOverrides, type CalendarSource, type DayOverride, type WorkingCalendarInput } from './calendar-table';
import { DeadlineErrorCode, deadlineError, MAX_YEAR, MIN_YEAR, requireDate } from './errors';
import { FIXED_HOLIDAYS, fixedHolidayName, pad } from './fixed-holidays';

export type { CalendarSource, DayOverride, DayOverrideKind, WorkingCalendarInput } from './calendar-table';
export { FIXED_HOLIDAYS } from './fixed-holidays';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up' | 'closure';
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Holiday / make-up / closure name, null for plain days. */
  name: string | null;
  /** The year's arrangement is not loaded: weekends and fixed-date holidays only. */
  provisional: boolean;
}

// Per-day flags: bit 0 working, bit 1 provisional, bits 2-4 kind.
const WORKING = 1;
const PROVISIONAL = 2;
const KIND_SHIFT = 2;
const KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'make-up', 'closure'];
const K_WORKDAY = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_MAKEUP = 3;
const K_CLOSURE = 4;

const DEFAULT_FIRST_YEAR = 1990;
const DEFAULT_LAST_YEAR = 2100;
const WEEKDAY_CN = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const isWeekendDay = (epochDay: number): boolean => {
  const wd = (((epochDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return wd === 0 || wd === 6;
};

/**
 * The working-day calendar of one version of the calendar table. Immutable; all lookups are O(1)
 * on a typed array indexed by epoch day (no Date, no time zone).
 */
export class WorkingCalendar {
  readonly version: number;
  readonly source: CalendarSource;
  readonly makeUpDaysCount: boolean;
  readonly loadedYears: readonly number[];
  private readonly loaded: ReadonlySet<number>;
  private readonly names = new Map<number, string>();
  private readonly base: number;
  private readonly flags: Uint8Array;

  constructor(input: WorkingCalendarInput) {
    if (!Number.isInteger(input.version) || input.version < 0) {
      throw deadlineError(DeadlineErrorCode.InvalidCalendar, `工作日历版本号无效：${input.version}`, 'version');
    }
    for (const y of input.loadedYears) {
      if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
        throw deadlineError(DeadlineErrorCode.InvalidCalendar, `工作日历年度无效：${y}`, 'loadedYears');
      }
    }
    this.version = input.version;
    this.source = input.source;
    this.makeUpDaysCount = input.makeUpDaysCount ?? true;
    this.loadedYears = Object.freeze([...new Set(input.loadedYears)].sort((a, b) => a - b));
    this.loaded = new Set(this.loadedYears);

    const overrides = normalizeOverrides(input.days);
    const years = [...this.loadedYears, ...overrides.map((o) => Number(o.date.slice(0, 4)))];
    const first = Math.min(DEFAULT_FIRST_YEAR, ...years);
    const last = Math.max(DEFAULT_LAST_YEAR, ...years);
    this.base = toEpochDay(`${first}-01-01`);
    this.flags = new Uint8Array(toEpochDay(`${last + 1}-01-01`) - this.base);
    for (let year = first; year <= last; year++) this.fillYear(year);
    for (const o of overrides) this.apply(o);
  }

  isLoaded(year: number): boolean {
    return this.loaded.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    return (this.flagsOf(toEpochDay(requireDate(date, 'date', '日期'))) & WORKING) !== 0;
  }

  /** Hot path for the engine: O(1), no parsing. */
  isWorkingEpochDay(epochDay: number): boolean {
    return (this.flagsOf(epochDay) & WORKING) !== 0;
  }

  isProvisionalEpochDay(epochDay: number): boolean {
    return (this.flagsOf(epochDay) & PROVISIONAL) !== 0;
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.dayInfoOfEpochDay(toEpochDay(requireDate(date, 'date', '日期')));
  }

  dayInfoOfEpochDay(day: number): DayInfo {
    const f = this.flagsOf(day);
    const date = fromEpochDay(day);
    return {
      date,
      working: (f & WORKING) !== 0,
      kind: KINDS[f >> KIND_SHIFT],
      name: this.names.get(day) ?? (f >> KIND_SHIFT === K_HOLIDAY ? fixedHolidayName(date) : null),
      provisional: (f & PROVISIONAL) !== 0,
    };
  }

  /** Why a day is (not) a working day, in Chinese: '周六', '国庆节', '调休上班日（国庆节）', '工作日'. */
  describe(date: IsoDate): string {
    return this.describeEpochDay(toEpochDay(requireDate(date, 'date', '日期')));
  }

  describeEpochDay(day: number): string {
    const info = this.dayInfoOfEpochDay(day);
    const mark = info.provisional ? '（暂定）' : '';
    switch (info.kind) {
      case 'weekend':
        return WEEKDAY_CN[weekday(info.date)] + mark;
      case 'holiday':
        return (info.name ?? '法定节假日') + mark;
      case 'closure':
        return closureLabel(info.name);
      case 'make-up':
        return this.makeUpDaysCount
          ? `调休上班日（${info.name}）`
          : `调休上班日（${info.name}），按本系统设置不计为工作日`;
      default:
        return '工作日' + mark;
    }
  }

  /** Chinese line naming the calendar behind a result. */
  sourceLabel(): string {
    const what = this.source === 'database' ? '系统工作日历表' : 'chinese-days软件包内置节假日数据';
    const makeUp = this.makeUpDaysCount ? '调休上班日计为工作日' : '调休上班日不计为工作日';
    return `工作日历：${what}，版本${this.version}（${makeUp}）。`;
  }

  private flagsOf(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.flags.length) return this.flags[i];
    return this.fallbackFlags(day);
  }

  /** Days outside the precomputed range (before 1990 / after 2100 by default). */
  private fallbackFlags(day: number): number {
    const date = fromEpochDay(day);
    const prov = this.loaded.has(Number(date.slice(0, 4))) ? 0 : PROVISIONAL;
    if (prov && fixedHolidayName(date)) return prov | (K_HOLIDAY << KIND_SHIFT);
    return isWeekendDay(day) ? prov | (K_WEEKEND << KIND_SHIFT) : prov | WORKING;
  }

  private fillYear(year: number): void {
    const start = toEpochDay(`${year}-01-01`) - this.base;
    const end = toEpochDay(`${year + 1}-01-01`) - this.base;
    const prov = this.loaded.has(year) ? 0 : PROVISIONAL;
    for (let i = start; i < end; i++) {
      this.flags[i] = isWeekendDay(i + this.base) ? prov | (K_WEEKEND << KIND_SHIFT) : prov | WORKING;
    }
    if (!prov) return;
    for (const h of FIXED_HOLIDAYS) {
      const day = toEpochDay(`${year}-${pad(h.month)}-${pad(h.day)}`);
      this.flags[day - this.base] = PROVISIONAL | (K_HOLIDAY << KIND_SHIFT);
    }
  }

  private apply(o: DayOverride): void {
    const day = toEpochDay(o.date);
    const i = day - this.base;
    const prov = this.flags[i] & PROVISIONAL;
    if (o.kind === 'closure') {
      this.flags[i] = prov | (K_CLOSURE << KIND_SHIFT);
    } else if (o.kind === 'holiday') {
      this.flags[i] = prov | (K_HOLIDAY << KIND_SHIFT);
    } else if (isWeekendDay(day)) {
      // ARL 88(2) setting: a make-up workday counts unless the office turned that off.
      this.flags[i] = prov | (K_MAKEUP << KIND_SHIFT) | (this.makeUpDaysCount ? WORKING : 0);
    } else {
      this.flags[i] = prov | WORKING | (K_WORKDAY << KIND_SHIFT);
    }
    this.names.set(day, o.name);
  }
}

function closureLabel(name: string | null): string {
  if (!name) return '停止办公';
  return name.includes('停止办公') ? name : `${name}（停止办公）`;
}

