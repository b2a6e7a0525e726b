import { Inject, Injectable, Optional } from '@nestjs/common';
import { DomainError, isIsoDate, yearOf, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, UnitOfWork, type AppConfig, type SqlRunner } from '@fuyi/platform';
import { packagedCalendarDays, WorkingCalendar, type DayOverride } from '@fuyi/deadlines';
import { ClockRecomputer } from './clock-recomputer';
import { CalendarChangeHooks } from './calendar-change-hooks';
import { holdsCalendarLock, lockCalendarExclusive } from './calendar-lock';
import { effectiveChanges, previewCalendarChange, recomputeRange, type CalendarChangePreview } from './calendar-preview';
import * as Calendar from './stores/calendar.store';

type Db = SqlRunner;
export type DayChange = { date: string; after: { kind: DayOverride['kind']; name: string } | null };

export interface CalendarChangeResult {
  version: number;
  changedDays: number;
  clocksRecomputed: number;
}

const calendarErr = (code: string, msg: string, field?: string) =>
  new DomainError(code, msg, 'invalid', field ? { fields: [{ field, message: msg }] } : undefined);

/**
 * The calendar table in Postgres (administrators can edit it; an unplanned holiday cannot wait for a
 * package release). Every change is a new version, committed at once; the open clocks it affects are then recomputed
 * in short batches (issue 15 item 7), so intake waits only for the version itself to be written.
 */
@Injectable()
export class CalendarService {
  private cached: WorkingCalendar | undefined;
  /** The calendar each transaction read under the shared calendar lock (see current()). */
  private readonly readUnderLock = new WeakMap<object, WorkingCalendar>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly recomputer: ClockRecomputer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly hooks?: CalendarChangeHooks,
  ) {}

  /**
   * The current calendar; one cheap query checks the version, the table is reloaded only when it changed.
   * Only committed versions are ever seen here: a change builds its new calendar itself (see change()). Read in the
   * caller's transaction `db`; without one, on its own through the unit of work (an autocommit read).
   */
  async current(db?: SqlRunner): Promise<WorkingCalendar> {
    if (!db) return this.uow.read((m) => this.current(m));
    const held = holdsCalendarLock(db) ? this.readUnderLock.get(db) : undefined;
    if (held) return held;
    const v = await Calendar.latestCalendarVersion(db);
    const cached = this.cached;
    const calendar = cached && cached.version === v ? cached : (this.cached = await loadCalendar(db, v, this.config.makeUpDaysCount));
    // Read under the calendar lock: no change can commit before this transaction ends, so its later reads skip the check.
    if (holdsCalendarLock(db)) this.readUnderLock.set(db, calendar);
    return calendar;
  }

  async list(year: number) {
    return this.uow.read(async (m) => {
      const days = await Calendar.calendarDaysOfYear(m, year);
      const loaded = await Calendar.calendarYearLoad(m, year);
      const v = await Calendar.latestCalendarVersion(m);
      return { year, loaded: !!loaded, source: loaded?.source ?? null, calendarVersion: v, days };
    });
  }

  /** Newest first; `before` is the last version of the previous page (keyset on the version number). */
  async versions(limit = 50, before?: number) {
    return this.uow.read((m) => Calendar.calendarVersionsPage(m, limit, before ?? null));
  }

  setDay(actor: Actor | null, reason: string, date: string, kind: DayOverride['kind'], name: string) {
    if (!isIsoDate(date)) throw calendarErr('CALENDAR_INVALID_DATE', '日期格式应为 YYYY-MM-DD', 'date');
    return this.change(actor, reason, [{ date, after: { kind, name } }]);
  }

  removeDay(actor: Actor | null, reason: string, date: string) {
    if (!isIsoDate(date)) throw calendarErr('CALENDAR_INVALID_DATE', '日期格式应为 YYYY-MM-DD', 'date');
    return this.change(actor, reason, [{ date, after: null }]);
  }

  /** Loads a year's official arrangement (given, or from the packaged chinese-days data) in place of what is stored. */
  async loadYear(actor: Actor | null, reason: string, year: number, days?: DayOverride[]): Promise<CalendarChangeResult> {
    const { changes, source } = await this.yearChanges(year, days);
    return this.change(actor, reason, changes, { year, source });
  }

  /** What setDay would change and which open clocks it would move, written nowhere (the console shows it before confirming). */
  previewSetDay(date: string, kind: DayOverride['kind'], name: string): Promise<CalendarChangePreview> {
    if (!isIsoDate(date)) throw calendarErr('CALENDAR_INVALID_DATE', '日期格式应为 YYYY-MM-DD', 'date');
    return this.preview([{ date, after: { kind, name } }]);
  }

  previewRemoveDay(date: string): Promise<CalendarChangePreview> {
    if (!isIsoDate(date)) throw calendarErr('CALENDAR_INVALID_DATE', '日期格式应为 YYYY-MM-DD', 'date');
    return this.preview([{ date, after: null }]);
  }

  async previewLoadYear(year: number, days?: DayOverride[]): Promise<CalendarChangePreview> {
    return this.preview((await this.yearChanges(year, days)).changes, year);
  }

  private async preview(changes: DayChange[], loadYear?: number): Promise<CalendarChangePreview> {
    // A read-only transaction: the database itself refuses any write a preview might attempt.
    const preview = await this.uow.run(async (m) => {
      await Calendar.makeTransactionReadOnly(m);
      return previewCalendarChange(m, changes, { makeUpDaysCount: this.config.makeUpDaysCount, loadYear });
    });
    if (!preview.changedDays && !loadYear) throw new DomainError('CALENDAR_NO_CHANGE', '日历没有变化', 'unprocessable');
    return preview;
  }

  /** A year's arrangement as day changes: every stored day of the year not in the new list goes. */
  private async yearChanges(year: number, days?: DayOverride[]): Promise<{ changes: DayChange[]; source: string }> {
    const source = days ? 'manual' : 'chinese-days';
    const packaged = days ? undefined : packagedCalendarDays();
    const list = days ?? packaged!.days.filter((d) => yearOf(d.date) === year);
    if (packaged && !packaged.loadedYears.includes(year)) {
      throw calendarErr('CALENDAR_YEAR_NOT_PUBLISHED', `程序内置数据中没有 ${year} 年的放假安排，请手工录入`, 'year');
    }
    if (list.some((d) => yearOf(d.date) !== year)) throw calendarErr('CALENDAR_DAY_OUTSIDE_YEAR', `所有日期须在 ${year} 年内`, 'days');
    const stored = await this.uow.read((m) => Calendar.calendarDaysOfYear(m, year));
    const keep = new Set(list.map((d) => d.date));
    const changes: DayChange[] = [
      ...stored.filter((s) => !keep.has(s.date)).map((s) => ({ date: s.date, after: null })),
      ...list.map((d) => ({ date: d.date, after: { kind: d.kind, name: d.name } })),
    ];
    return { changes, source };
  }

  private async change(actor: Actor | null, reason: string, changes: DayChange[], load?: { year: number; source: string }): Promise<CalendarChangeResult> {
    if (!reason?.trim()) throw calendarErr('CALENDAR_REASON_REQUIRED', '修改工作日历须说明原因', 'reason');
    const committed = await this.uow.run(async (m) => {
      // One calendar change at a time, and no clock write meanwhile: held only while the new version is written.
      await lockCalendarExclusive(m);
      const version = (await Calendar.latestCalendarVersion(m)) + 1;
      const effective = await effectiveChanges(m, changes);
      if (!effective.length && !load) throw new DomainError('CALENDAR_NO_CHANGE', '日历没有变化', 'unprocessable');
      for (const c of effective) {
        if (c.after) await Calendar.putCalendarDay(m, { date: c.date, kind: c.after.kind, name: c.after.name }, version);
        else await Calendar.deleteCalendarDay(m, c.date);
      }
      if (load) await Calendar.putLoadedYear(m, load.year, load.source, version);
      const { from, to } = recomputeRange(effective, load?.year)!;
      // Owed a recompute of the open clocks spanning from..to until finishOwed() has done it (recomputed_at).
      await Calendar.insertCalendarVersion(m, { version, changedBy: actor?.userId ?? null, reason, changes: effective, from, to });
      const calendar = await loadCalendar(m, version, this.config.makeUpDaysCount); // validates the new table too
      await this.hooks?.run(m, calendar, { from, to }); // due dates other libraries keep (liaison letters…): few rows
      await this.audit.record(m, {
        action: load ? 'calendar.load_year' : 'calendar.change', subjectType: 'calendar', subjectId: 'calendar', actor,
        summary: { version, reason, changedDays: effective.length, year: load?.year ?? null, recompute: { from, to } },
      });
      return { version, changedDays: effective.length };
    });
    // Issue 15 item 7: the open clocks move in short batches after the commit, not under the exclusive lock. If this
    // process stops midway, the worker finishes the recompute before it next fires reminders (finishOwed).
    await this.finishOwed();
    const clocksRecomputed = await this.uow.read((m) => Calendar.clocksRecomputedBy(m, committed.version));
    return { ...committed, clocksRecomputed };
  }

  /** Recomputes the open clocks that committed calendar changes still owe (see ClockRecomputer.finishOwed). */
  finishOwed(): Promise<number> {
    return this.recomputer.finishOwed(this.uow, (m) => this.current(m));
  }
}

export async function loadCalendar(db: Db, version: number, makeUpDaysCount: boolean): Promise<WorkingCalendar> {
  const days = (await Calendar.allCalendarDays(db)) as DayOverride[];
  const years = await Calendar.loadedCalendarYears(db);
  return new WorkingCalendar({ days, loadedYears: years, version, source: 'database', makeUpDaysCount });
}

/** First install: the calendar as version 1 from the packaged official arrangements (2004 onward). */
export async function seedCalendarFromPackage(db: Db): Promise<boolean> {
  if ((await Calendar.countCalendarVersions(db)) > 0) return false;
  const { days, loadedYears } = packagedCalendarDays();
  await Calendar.seedFirstCalendar(db, '初始化：chinese-days 国务院办公厅放假安排', days, loadedYears);
  return true;
}
