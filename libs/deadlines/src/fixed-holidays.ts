import type { IsoDate } from '@fuyi/kernel';

/**
 * Fixed-date statutory holidays (全国年节及纪念日放假办法, 2024 revision) used for years with no
 * published arrangement: New Year 1 day, Labour Day 2, National Day 3 (lunar holidays are not guessed).
 */
export const FIXED_HOLIDAYS: ReadonlyArray<{ month: number; day: number; name: string }> = [
  { month: 1, day: 1, name: '元旦' },
  { month: 5, day: 1, name: '劳动节' },
  { month: 5, day: 2, name: '劳动节' },
  { month: 10, day: 1, name: '国庆节' },
  { month: 10, day: 2, name: '国庆节' },
  { month: 10, day: 3, name: '国庆节' },
];

export function fixedHolidayName(date: IsoDate): string | null {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return FIXED_HOLIDAYS.find((h) => h.month === m && h.day === d)?.name ?? null;
}

export const pad = (n: number): string => String(n).padStart(2, '0');
