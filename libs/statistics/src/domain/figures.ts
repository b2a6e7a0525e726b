import { DECISION_TYPES, type DecisionType } from '@fuyi/cases';

/**
 * The office's published figures (domain.md §8), each a condition over the case facts `f` (case-facts.ts) with
 * $1 = first day, $2 = last day of the period (Asia/Shanghai) and $3 = the 案结事了 observation window in days.
 * A count is `count(*) FILTER (WHERE condition)`; its drill-down lists the cases matching the same condition.
 * Plain data: the API documentation, the README and the exports are generated from it.
 */
export interface CountFigure {
  kind: 'count';
  label: string;
  definition: string;
  source: string;
  sql: string;
}

export interface RateFigure {
  kind: 'rate';
  label: string;
  definition: string;
  source: string;
  numerator: CountKey;
  denominator: CountKey;
}

/** 直接纠错 (domain.md §8): 撤销（含部分撤销）+ 变更 + 确认违法 + 责令履行 + 确认无效. */
export const CORRECTION_TYPES: readonly DecisionType[] = ['change', 'revoke', 'partial_revoke', 'confirm_illegal', 'order_performance', 'confirm_void'];

const inPeriod = (column: string) => `f.${column} BETWEEN $1::date AND $2::date`;
const closedInPeriod = inPeriod('closed_on');
const corrected = `${closedInPeriod} AND f.decision_type IN (${CORRECTION_TYPES.map((t) => `'${t}'`).join(', ')})`;
const mediatedWithdrawn = `${closedInPeriod} AND f.close_kind IN ('mediated', 'withdrawn')`;
const lawsuitAfter = (windowed: boolean) => `EXISTS (SELECT 1 FROM liaison_lawsuits l WHERE l.case_id = f.id${windowed ? ' AND l.filed_on <= f.closed_on + $3::int' : ''})`;
/**
 * The same applicant (ID number's blind index or credit code) applies again against the same respondent after closure.
 * Two EXISTS, one per identity, so each is an index lookup (an OR in one join condition makes Postgres scan every party).
 */
const repeatBy = (column: 'id_number_index' | 'credit_code') => `EXISTS (
    SELECT 1 FROM case_parties p
      JOIN case_parties p2 ON p2.${column} = p.${column} AND p2.role = 'applicant' AND p2.case_id <> p.case_id
      JOIN cases c2 ON c2.id = p2.case_id
     WHERE p.case_id = f.id AND p.role = 'applicant' AND p.${column} IS NOT NULL AND c2.respondent_department_id = f.respondent_department_id
       AND c2.receipt_at >= (f.closed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
       AND c2.receipt_at < (f.closed_on + $3::int + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const repeatApplication = `(${repeatBy('id_number_index')} OR ${repeatBy('credit_code')})`;

const decisionFigures = Object.fromEntries(
  (Object.keys(DECISION_TYPES) as DecisionType[]).map((t) => [`decision_${t}`, {
    kind: 'count', label: `决定：${DECISION_TYPES[t].label}`, source: DECISION_TYPES[t].article,
    definition: `期间内审结、以"${DECISION_TYPES[t].label}"决定结案的案件数（决定经机构负责人批准之日在期间内）`,
    sql: `${closedInPeriod} AND f.decision_type = '${t}'`,
  } satisfies CountFigure]),
) as Record<`decision_${DecisionType}`, CountFigure>;

export const COUNT_FIGURES = {
  received: { kind: 'count', label: '收案数', source: '行政复议法第三十条', definition: '窗口盖章收件日期在期间内的申请数（分中心收件即为复议机关收件）', sql: inPeriod('received_on') },
  accepted: { kind: 'count', label: '受理数', source: '行政复议法第三十条', definition: '受理日期在期间内的案件数，含审查期满视为受理', sql: inPeriod('accepted_on') },
  refused: { kind: 'count', label: '不予受理数', source: '行政复议法第三十条', definition: '不予受理决定日期在期间内、现仍为不予受理的申请数', sql: inPeriod('refused_on') },
  closed: { kind: 'count', label: '审结数', source: '行政复议法第四十一条、第六十一条至第七十三条', definition: '期间内审结的已受理案件数：作出决定（以批准之日为准）、终止（含准予撤回）或调解书生效结案', sql: closedInPeriod },
  pending: { kind: 'count', label: '未审结数（期末在办）', source: '行政复议法第六十二条', definition: '期末日及以前已受理、期末日尚未审结的案件数', sql: `f.accepted_on <= $2::date AND (f.closed_on IS NULL OR f.closed_on > $2::date)` },
  ...decisionFigures,
  corrected: { kind: 'count', label: '直接纠错数', source: '行政复议法第六十三条至第六十七条', definition: '期间内审结、决定类型为变更、撤销（含部分撤销）、确认违法、责令履行或确认无效的案件数', sql: corrected },
  mediatedWithdrawn: { kind: 'count', label: '调解、和解撤回数', source: '行政复议法第五条、第七十三条、第七十四条、第四十一条', definition: '期间内以调解书结案或经准予撤回申请而终止的案件数', sql: mediatedWithdrawn },
  resolved: { kind: 'count', label: '综合化解数', source: '行政复议法第五条、第六十三条至第六十七条、第七十三条', definition: '直接纠错数与调解、和解撤回数之和', sql: `((${corrected}) OR (${mediatedWithdrawn}))` },
  settled: {
    kind: 'count', label: '案结事了数', source: '行政复议法第一条、第五条（实质性化解行政争议）',
    definition: '期间内审结、且审结后观察期（windowDays 日）内既未被提起行政诉讼、同一申请人也未就同一被申请人再次申请行政复议的案件数',
    sql: `${closedInPeriod} AND NOT ${lawsuitAfter(true)} AND NOT ${repeatApplication}`,
  },
  suedAfter: { kind: 'count', label: '复议后被诉数', source: '行政诉讼法第二十六条、第四十五条', definition: '期间内审结、其后被提起行政诉讼（府院联络登记的复议后诉讼）的案件数', sql: `${closedInPeriod} AND ${lawsuitAfter(false)}` },
} as const satisfies Record<string, CountFigure>;

export type CountKey = keyof typeof COUNT_FIGURES;

export const RATE_FIGURES = {
  directCorrectionRate: { kind: 'rate', label: '直接纠错率', source: 'domain.md §8；行政复议法第六十三条至第六十七条', definition: '直接纠错数 ÷ 审结数', numerator: 'corrected', denominator: 'closed' },
  mediationWithdrawalRate: { kind: 'rate', label: '调撤率', source: 'domain.md §8；行政复议法第七十三条、第七十四条', definition: '调解、和解撤回数 ÷ 审结数', numerator: 'mediatedWithdrawn', denominator: 'closed' },
  overallResolutionRate: { kind: 'rate', label: '综合化解率', source: 'domain.md §8', definition: '（直接纠错数 + 调解、和解撤回数）÷ 审结数', numerator: 'resolved', denominator: 'closed' },
  settledRate: { kind: 'rate', label: '案结事了率', source: '行政复议法第一条、第五条', definition: '案结事了数 ÷ 审结数（观察期未满的案件按截至今日的情况计算）', numerator: 'settled', denominator: 'closed' },
  suedAfterRate: { kind: 'rate', label: '复议后被诉率', source: 'domain.md §8；行政诉讼法第二十六条', definition: '复议后被诉数 ÷ 审结数（同一批审结案件）', numerator: 'suedAfter', denominator: 'closed' },
} as const satisfies Record<string, RateFigure>;

export type RateKey = keyof typeof RATE_FIGURES;
export type CaseFigureKey = CountKey | RateKey;
export const CASE_FIGURES: Record<CaseFigureKey, CountFigure | RateFigure> = { ...COUNT_FIGURES, ...RATE_FIGURES };

/** A share rounded to four decimals; null when nothing was counted (no 0 ÷ 0). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator ? Math.round((numerator / denominator) * 10000) / 10000 : null;
}

/** The condition a drill-down lists: a count's own, or a rate's numerator or denominator. */
export function figureCondition(key: CaseFigureKey, part: 'numerator' | 'denominator' = 'numerator'): string {
  const f = CASE_FIGURES[key];
  if (f.kind === 'count') return f.sql;
  return COUNT_FIGURES[part === 'numerator' ? f.numerator : f.denominator].sql;
}

/** The count a figure's drill-down lists: the figure itself, or a rate's numerator or denominator. */
export function countKeyOf(key: CaseFigureKey, part: 'numerator' | 'denominator' = 'numerator'): CountKey {
  const f = CASE_FIGURES[key];
  if (f.kind === 'count') return key as CountKey;
  return part === 'numerator' ? f.numerator : f.denominator;
}

export const DEFAULT_SETTLED_WINDOW_DAYS = 180;
