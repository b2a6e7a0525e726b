import { useRef, useState, type KeyboardEvent } from 'react';
import { addDays, weekday } from '@fuyi/kernel';
import type { CalendarDay, DayKind } from './api';
import './year-grid.css';

/** Each kind of day has its own letter, so the grid does not rely on colour alone (WCAG 1.4.1). */
export const DAY_KINDS: Record<DayKind, { mark: string; label: string }> = {
  holiday: { mark: '休', label: '法定节假日' },
  workday: { mark: '班', label: '调休上班' },
  closure: { mark: '停', label: '停止办公' },
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What a day is, in words: the button's accessible name and its tooltip. */
export function describeDay(date: string, special?: CalendarDay): string {
  const [, m, d] = date.split('-').map(Number);
  const wd = weekday(date);
  const base = `${m}月${d}日 星期${WEEKDAYS[wd]}`;
  if (special) return `${base} ${DAY_KINDS[special.kind as DayKind]?.label ?? special.kind}：${special.name}`;
  return wd === 0 || wd === 6 ? `${base} 周末` : base;
}

const KEY_STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * The working-day calendar as a year of 12 months (Monday first). Holidays, make-up workdays and closures each have a
 * colour and a letter; weekends are grey. One day is in the tab order at a time; the arrow keys move between days
 * (a week up or down), Enter or Space picks the day.
 */
export function YearGrid({ year, days, today, picked, onPick }: { year: number; days: CalendarDay[]; today?: string; picked?: string | null; onPick: (date: string, special?: CalendarDay) => void }) {
  const special = new Map(days.map((d) => [d.date, d]));
  const start = today && today.startsWith(`${year}-`) ? today : `${year}-01-01`;
  const [focus, setFocus] = useState(start);
  const focusDay = focus.startsWith(`${year}-`) ? focus : start;
  const root = useRef<HTMLDivElement>(null);

  const move = (e: KeyboardEvent, date: string) => {
    const step = KEY_STEP[e.key];
    if (!step) return;
    e.preventDefault();
    const next = addDays(date, step);
    if (!next.startsWith(`${year}-`)) return;
    setFocus(next);
    root.current?.querySelector<HTMLButtonElement>(`[data-date="${next}"]`)?.focus();
  };

  return (
    <div className="yg" ref={root} data-testid="year-grid">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
        const lead = (weekday(dayOf(year, month, 1)) + 6) % 7; // blanks before the 1st, Monday first
        const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: daysIn(year, month) }, (_, d) => dayOf(year, month, d + 1))];
        const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
        return (
          <table key={month} data-testid={`month-${month}`}>
            <caption>{month}月</caption>
            <thead>
              <tr>
                {['一', '二', '三', '四', '五', '六', '日'].map((w) => (
                  <th key={w} scope="col" abbr={`星期${w}`}>
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, w) => (
                <tr key={w}>
                  {Array.from({ length: 7 }, (_, c) => week[c] ?? null).map((date, c) => {
                    if (!date) return <td key={c} />;
                    const s = special.get(date);
                    const wd = weekday(date);
                    const kind = s ? `yg-${s.kind}` : wd === 0 || wd === 6 ? 'yg-weekend' : '';
                    const label = describeDay(date, s);
                    return (
                      <td key={c}>
                        <button
                          type="button"
                          className={['yg-day', kind, date === today ? 'yg-today' : '', date === picked ? 'yg-picked' : ''].filter(Boolean).join(' ')}
                          data-date={date}
                          data-kind={s?.kind ?? (kind ? 'weekend' : 'workday-normal')}
                          tabIndex={date === focusDay ? 0 : -1}
                          aria-label={label}
                          title={label}
                          onFocus={() => setFocus(date)}
                          onKeyDown={(e) => move(e, date)}
                          onClick={() => onPick(date, s)}
                        >
                          {Number(date.slice(8))}
                          {s && <span className="yg-mark" aria-hidden="true">{DAY_KINDS[s.kind as DayKind]?.mark}</span>}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

/** The legend: the same letter and colour as the grid, with words. */
export function YearGridLegend() {
  return (
    <div className="yg-legend" aria-label="图例" role="list">
      {(Object.keys(DAY_KINDS) as DayKind[]).map((k) => (
        <span key={k} role="listitem">
          <span className={`yg-day yg-${k}`} style={{ display: 'inline-block', textAlign: 'center', padding: '2px 0' }} aria-hidden="true">
            {DAY_KINDS[k].mark}
          </span>{' '}
          {DAY_KINDS[k].mark}＝{DAY_KINDS[k].label}
        </span>
      ))}
      <span role="listitem">
        <span className="yg-day yg-weekend" style={{ display: 'inline-block', textAlign: 'center', padding: '2px 0' }} aria-hidden="true">
          六
        </span>{' '}
        灰底＝周末（休息日）
      </span>
      <span role="listitem">
        <span className="yg-day yg-today" style={{ display: 'inline-block', textAlign: 'center', padding: '2px 0' }} aria-hidden="true">
          今
        </span>{' '}
        黑框＝今天
      </span>
    </div>
  );
}
