/**
 * Case numbers: `<prefix>〔<year>〕第<seq, 5 digits>号`, e.g. 通复〔2026〕第00012号.
 * The prefix is the office's abbreviation (通 = the district, 复 = reconsideration); the sequence
 * restarts each year and is gap-free because it comes from a per-year counter row.
 */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕第${String(seq).padStart(5, '0')}号`;
}
