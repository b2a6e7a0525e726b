/**
 * Printed forms of numbers and dates (GB/T 9704-2012): the year in 〔〕, dates in Arabic numerals without
 * leading zeros (2026年1月5日), headings numbered 一、/（一）/1./（1）.
 */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕第${seq}号`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MINUTE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** 2026-11-27 → 2026年11月27日; 2026-12-03 09:30 → 2026年12月3日9时30分; anything else unchanged. */
export function printedDate(value: string): string {
  const day = ISO_DAY.exec(value);
  if (day) return `${Number(day[1])}年${Number(day[2])}月${Number(day[3])}日`;
  const minute = ISO_MINUTE.exec(value);
  if (minute) return `${Number(minute[1])}年${Number(minute[2])}月${Number(minute[3])}日${Number(minute[4])}时${minute[5]}分`;
  return value;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1..99, enough for headings and articles). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export function headingLabel(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}
