/**
 * 按期办结率 per statutory clock (domain.md §4, §8). Closed clocks count by the day they closed, in the period:
 * on time when met on or before the due date, late when met after it or missed (cancelled clocks, e.g. a case
 * terminated midway, count neither way). Open clocks are counted as they stand today, and overdue is kept apart from
 * what is not the office's delay: a paused clock (中止, ARL 39), one running on the applicant (补正 ARL 31, the
 * application period ARL 20, the lawsuit window ALL 45), and an extended one (ARL 62) that is still within its period.
 * $1/$2 = period, $3 = today.
 */
export const APPLICANT_RULES = ['applicant-correction', 'application', 'lawsuit'] as const;

const applicant = `k.rule IN (${APPLICANT_RULES.map((r) => `'${r}'`).join(', ')})`;
const open = `k.status IN ('running', 'paused')`;

export const CLOCK_FIGURES = {
  closedOnTime: { label: '按期办结', definition: '期间内结束、在期限届满日或之前完成的期限数', sql: `k.status = 'met' AND k.closed_on BETWEEN $1::date AND $2::date AND k.closed_on <= k.due_date` },
  closedLate: { label: '超期办结', definition: '期间内结束、晚于期限届满日完成或已逾期失效的期限数', sql: `k.closed_on BETWEEN $1::date AND $2::date AND (k.status = 'missed' OR (k.status = 'met' AND k.closed_on > k.due_date))` },
  openOverdue: { label: '在办超期', definition: '今日仍在计算、非中止、非等待申请人、届满日已过的期限数', sql: `k.status = 'running' AND NOT ${applicant} AND k.due_date < $3::date` },
  openPaused: { label: '中止（暂停计算）', definition: '今日处于中止、暂停计算的期限数（不计为超期）', sql: `k.status = 'paused' AND NOT ${applicant}` },
  openExtended: { label: '已延期（期限内）', definition: '今日已依法延长且仍在延长后期限内的期限数', sql: `k.status = 'running' AND NOT ${applicant} AND k.extension_days > 0 AND k.due_date >= $3::date` },
  openOnTrack: { label: '期限内在办', definition: '今日仍在计算、未延期且未届满的期限数', sql: `k.status = 'running' AND NOT ${applicant} AND k.extension_days = 0 AND k.due_date >= $3::date` },
  waitingOnApplicant: { label: '等待申请人', definition: '今日在计算、由申请人掌握的期限数（补正、申请期限、起诉期限），不计为机构超期', sql: `${open} AND ${applicant}` },
} as const;
export type ClockFigureKey = keyof typeof CLOCK_FIGURES;

/**
 * Agency heads (负责人) in court and in reconsideration. $1/$2 = period, $3 = today, $4 = court hearing kinds.
 * - court: lawsuits (after reconsideration and direct ones, libs/liaison) filed in the period with a court hearing held,
 *   and those at which the head appeared (ALL 3(3)); the same reading as GET /liaison/stats.
 * - hearing: hearings (听取意见, 听证) held in the period with the respondent's attendance recorded, and those the head
 *   attended in person (ARL 49-51).
 */
export const HEAD_FIGURES = {
  courtHeard: { label: '开庭审理的应诉案件数', definition: '期间内立案、已开庭审理（不含庭前调解和宣判）的行政诉讼案件数（含直接起诉）', source: '行政诉讼法第三条' },
  courtHeadAppeared: { label: '负责人出庭应诉案件数', definition: '其中行政机关负责人出庭应诉的案件数', source: '行政诉讼法第三条第三款' },
  courtAppearanceRate: { label: '负责人出庭应诉率', definition: '负责人出庭应诉案件数 ÷ 开庭审理的应诉案件数', source: '行政诉讼法第三条' },
  hearingsRecorded: { label: '记录被申请人出席情况的听取意见、听证次数', definition: '期间内举行、已记录被申请人出席情况的听取意见和听证次数', source: '行政复议法第四十九条至第五十一条' },
  hearingsHeadAttended: { label: '被申请人负责人参加次数', definition: '其中被申请人负责人本人参加的次数', source: '行政复议法第四十九条至第五十一条' },
  hearingParticipationRate: { label: '负责人参加复议率', definition: '被申请人负责人参加次数 ÷ 记录被申请人出席情况的次数', source: '行政复议法第五十条' },
} as const;
export type HeadFigureKey = keyof typeof HEAD_FIGURES;

/** 分中心 (domain.md §1): per township counter, cases received there and how those closed in the period ended. */
export const TOWNSHIP_FIGURES = {
  received: '收案数', closed: '审结数', resolved: '综合化解数', overallResolutionRate: '综合化解率', mediationFiles: '调解中心收案数', mediationSubstantive: '调解实质性化解数',
} as const;

/** A sum of the clock roll-up (migration ClockStatisticsRollup): a measure of one rule, open ones split at today. */
export interface ClockRollupRow {
  rule: string;
  measure: string;
  overdue: boolean;
  n: number;
}

/**
 * The figures of CLOCK_FIGURES from the roll-up's measures. Open clocks are summed on their due date, so "overdue"
 * (due before today) and "on track" are read off the same sums; closed ones are summed on the day they closed.
 */
export function clockCountsFromRollup(rows: readonly ClockRollupRow[]): Map<string, Record<ClockFigureKey, number>> {
  const out = new Map<string, Record<ClockFigureKey, number>>();
  for (const r of rows) {
    const c = out.get(r.rule) ?? { closedOnTime: 0, closedLate: 0, openOverdue: 0, openPaused: 0, openExtended: 0, openOnTrack: 0, waitingOnApplicant: 0 };
    out.set(r.rule, c);
    if (r.measure === 'closedOnTime' || r.measure === 'closedLate' || r.measure === 'openPaused' || r.measure === 'waitingOnApplicant') c[r.measure] += r.n;
    else if (r.measure === 'openRunning' || r.measure === 'openRunningExtended') {
      if (r.overdue) c.openOverdue += r.n;
      else if (r.measure === 'openRunning') c.openOnTrack += r.n;
      else c.openExtended += r.n;
    }
  }
  return out;
}
