import { chineseNumeral } from '@fuyi/kernel';
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

// Shared with the deadlines library's citations (《行政复议法》第八十八条第二款).
export { chineseNumeral } from '@fuyi/kernel';

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
