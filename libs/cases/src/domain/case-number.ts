/**
 * Case numbers: `<prefix>〔<year>〕第<seq, 5 digits>号`, e.g. 通复〔2026〕第00012号.
 * The prefix is the office's abbreviation (通 = the district, 复 = reconsideration); the sequence
 * restarts each year; numbers are unique and increasing, with the gaps of registrations that did not complete listed for
 * the office (intake/case-number-allocator.ts, queries/case-number-gaps.ts).
 */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕第${String(seq).padStart(5, '0')}号`;
}
