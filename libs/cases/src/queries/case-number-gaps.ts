import type { SqlRunner } from '@fuyi/platform';
import { numberGaps } from '../stores/case-numbers.store';
import { formatCaseNumber } from '../domain/case-number';

export interface CaseNumberGaps {
  year: number;
  /** The last number handed out this year (0 when none). */
  lastIssued: number;
  /** Cases that hold a number of the year. */
  registered: number;
  /** Numbers handed out to a registration that never completed (refused late, connection lost): unused, never reissued. */
  unused: Array<{ seq: number; caseNumber: string }>;
}

/** How many unused numbers one answer lists; `unusedCount` tells the office whether there are more. */
const LIST_LIMIT = 500;

/**
 * The office's view of its numbering (issue 15 item 2): case numbers are unique and increasing per year but may have
 * gaps, because a number is committed before its registration is (case-number-allocator.ts). Every gap is shown here.
 */
export async function caseNumberGaps(ds: SqlRunner, prefix: string, year: number): Promise<CaseNumberGaps & { unusedCount: number }> {
  const row = await numberGaps(ds, year, LIST_LIMIT);
  return {
    year, lastIssued: row.last_issued, registered: row.registered, unusedCount: row.unused_count,
    unused: row.unused.map((seq) => ({ seq, caseNumber: formatCaseNumber(prefix, year, seq) })),
  };
}
