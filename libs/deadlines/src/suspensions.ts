import { toEpochDay, type IsoDate } from '@fuyi/kernel';
import { DeadlineErrorCode, deadlineError, requireDate } from './errors';
import { citeArticle } from './citation';
import type { RuleDefinition } from './rules';

export interface SuspensionInput {
  /** Suspension date S (中止之日). */
  from: IsoDate;
  /** Resumption date R (恢复之日); absent while the suspension is still open. */
  to?: IsoDate;
}

/** A suspension as epoch days: days in [from, to) are not counted. */
export interface SuspensionInterval {
  from: number;
  to: number;
  /** Still open: `to` is the as-of date the caller supplied. */
  open: boolean;
}

const invalid = (message: string, field: string) =>
  deadlineError(DeadlineErrorCode.InvalidSuspension, message, field);

/**
 * Validates the recorded suspensions of one clock and returns them sorted, as half-open intervals.
 * An open suspension is treated as resumed on `asOf` (which the caller must supply).
 */
export function normalizeSuspensions(
  def: RuleDefinition,
  list: readonly SuspensionInput[] | undefined,
  startDay: number,
  asOf: IsoDate | undefined,
): SuspensionInterval[] {
  if (!list || list.length === 0) return [];
  if (!def.suspendable || def.direction === 'backward') {
    throw invalid(`${def.label}（${citeArticle(def.article)}）不适用中止，不能登记中止期间`, 'suspensions');
  }
  const out: SuspensionInterval[] = [];
  list.forEach((s, i) => {
    const field = `suspensions[${i}]`;
    const from = toEpochDay(requireDate(s?.from, `${field}.from`, '中止开始日'));
    if (from < startDay) throw invalid(`中止开始日${s.from}早于期限起算日，请核对`, `${field}.from`);
    if (s.to === undefined || s.to === null) {
      if (asOf === undefined) {
        throw invalid(`${s.from}起的中止尚未恢复，计算期限须提供计算基准日（asOf）`, 'asOf');
      }
      const asOfDay = toEpochDay(asOf);
      if (asOfDay < from) throw invalid(`计算基准日${asOf}早于中止开始日${s.from}`, 'asOf');
      out.push({ from, to: asOfDay, open: true });
      return;
    }
    const to = toEpochDay(requireDate(s.to, `${field}.to`, '恢复日'));
    if (to < from) throw invalid(`恢复日${s.to}早于中止开始日${s.from}`, `${field}.to`);
    out.push({ from, to, open: false });
  });
  out.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < out.length; i++) {
    if (out[i].from < out[i - 1].to || (out[i - 1].open && out[i].from >= out[i - 1].from)) {
      throw invalid('中止期间相互重叠（或在尚未恢复的中止之后又登记了中止），请核对中止记录', 'suspensions');
    }
  }
  return out;
}
