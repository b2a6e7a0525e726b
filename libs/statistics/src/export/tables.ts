import { DECISION_TYPES, type DecisionType } from '@fuyi/cases';
import { CLOCK_FIGURES, HEAD_FIGURES, TOWNSHIP_FIGURES, type ClockFigureKey } from '../domain/clock-figures';
import { DIMENSION_LABELS, type Dimension } from '../domain/dimensions';
import { COUNT_FIGURES, RATE_FIGURES } from '../domain/figures';

/**
 * A statistics table as the office prints it: Chinese headers, counts and rates typed so that the .xlsx and the
 * yearly report format them (整数 with thousands separators, 百分比 with two decimals). Plain data, no framework.
 */
export type ColumnKind = 'text' | 'count' | 'rate';
export interface Column { key: string; header: string; kind: ColumnKind }
export type Cell = string | number | null;
export interface StatTable {
  name: string;
  title: string;
  subtitle: string;
  columns: Column[];
  rows: Array<Record<string, Cell>>;
  total: Record<string, Cell> | null;
}

const count = (key: string, header: string): Column => ({ key, header, kind: 'count' });
const pct = (key: string, header: string): Column => ({ key, header, kind: 'rate' });
const text = (key: string, header: string): Column => ({ key, header, kind: 'text' });
const period = (x: { from: string; to: string }) => `统计期间：${x.from} 至 ${x.to}`;

interface Counted { key: string; label: string; counts: Record<string, number>; rates: Record<string, number | null> }
const flat = (r: { label: string; counts: Record<string, number>; rates: Record<string, number | null> }) => ({ label: r.label, ...r.counts, ...r.rates });

export const MAIN_COUNTS = ['received', 'accepted', 'refused', 'closed', 'pending', 'corrected', 'mediatedWithdrawn', 'resolved', 'settled', 'suedAfter'] as const;

export function overviewTable(o: { from: string; to: string; by: Dimension; windowDays: number; rows: Counted[]; total: Omit<Counted, 'key' | 'label'> }): StatTable {
  return {
    name: 'overview', title: `行政复议案件统计（按${DIMENSION_LABELS[o.by]}）`, subtitle: `${period(o)}；案结事了观察期 ${o.windowDays} 日`,
    columns: [text('label', DIMENSION_LABELS[o.by]), ...MAIN_COUNTS.map((k) => count(k, COUNT_FIGURES[k].label)),
      ...(Object.keys(RATE_FIGURES) as Array<keyof typeof RATE_FIGURES>).map((k) => pct(k, RATE_FIGURES[k].label))],
    rows: o.rows.map(flat), total: flat({ label: '合计', ...o.total }),
  };
}

export function decisionTypesTable(o: { from: string; to: string; by: Dimension; rows: Counted[]; total: Omit<Counted, 'key' | 'label'> }): StatTable {
  const types = Object.keys(DECISION_TYPES) as DecisionType[];
  const pick = (r: { label: string; counts: Record<string, number> }) => ({ label: r.label, closed: r.counts.closed, ...Object.fromEntries(types.map((t) => [t, r.counts[`decision_${t}`]])) });
  return {
    name: 'decisions', title: `行政复议审结案件决定类型统计（按${DIMENSION_LABELS[o.by]}）`, subtitle: period(o),
    columns: [text('label', DIMENSION_LABELS[o.by]), count('closed', '审结数'), ...types.map((t) => count(t, DECISION_TYPES[t].label))],
    rows: o.rows.map(pick), total: pick({ label: '合计', ...o.total }),
  };
}

export function clockTable(o: { from: string; to: string; asOf: string; rows: Array<{ label: string; article: string | null; counts: Record<string, number>; onTimeRate: number | null }> }): StatTable {
  const keys = Object.keys(CLOCK_FIGURES) as ClockFigureKey[];
  const sum = (k: string) => o.rows.reduce((n, r) => n + r.counts[k], 0);
  const onTime = sum('closedOnTime');
  const late = sum('closedLate');
  return {
    name: 'clocks', title: '法定期限按期办结情况统计', subtitle: `${period(o)}；在办期限截至 ${o.asOf}`,
    columns: [text('label', '期限'), text('article', '依据'), ...keys.map((k) => count(k, CLOCK_FIGURES[k].label)), pct('onTimeRate', '按期办结率')],
    rows: o.rows.map((r) => ({ label: r.label, article: r.article, ...r.counts, onTimeRate: r.onTimeRate })),
    total: { label: '合计', article: null, ...Object.fromEntries(keys.map((k) => [k, sum(k)])), onTimeRate: onTime + late ? Math.round((onTime / (onTime + late)) * 10000) / 10000 : null },
  };
}

export function headTable(o: { from: string; to: string; rows: Counted[]; total: Counted }): StatTable {
  const h = HEAD_FIGURES;
  return {
    name: 'heads', title: '行政机关负责人出庭应诉和参加行政复议情况统计', subtitle: period(o),
    columns: [text('label', '被申请人（被告）'), count('courtHeard', h.courtHeard.label), count('courtHeadAppeared', h.courtHeadAppeared.label), pct('courtAppearanceRate', h.courtAppearanceRate.label),
      count('hearingsRecorded', h.hearingsRecorded.label), count('hearingsHeadAttended', h.hearingsHeadAttended.label), pct('hearingParticipationRate', h.hearingParticipationRate.label)],
    rows: o.rows.map(flat), total: flat(o.total),
  };
}

export function townshipTable(o: { from: string; to: string; rows: Counted[]; total: Omit<Counted, 'key' | 'label'> }): StatTable {
  const t = TOWNSHIP_FIGURES;
  return {
    name: 'townships', title: '各街乡镇接待咨询分中心行政争议化解情况统计', subtitle: period(o),
    columns: [text('label', '分中心'), count('received', t.received), count('closed', t.closed), count('resolved', t.resolved), pct('overallResolutionRate', t.overallResolutionRate),
      count('mediationFiles', t.mediationFiles), count('mediationSubstantive', t.mediationSubstantive)],
    rows: o.rows.map(flat), total: flat({ label: '合计', ...o.total }),
  };
}

export function yearsTable(o: { fromYear: number; toYear: number; rows: Array<Record<string, number | null>> }): StatTable {
  const sum = (k: string) => o.rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  return {
    name: 'years', title: '行政争议实质性化解情况（历年）', subtitle: `${o.fromYear} 年至 ${o.toYear} 年`,
    columns: [text('year', '年度'), count('closed', '审结数'), count('resolvedInCases', '复议综合化解数'), count('mediationSubstantive', '案前调解实质性化解数'), count('substantiveTotal', '实质性化解合计'), pct('overallResolutionRate', '综合化解率')],
    rows: o.rows.map((r) => ({ ...r, year: `${r.year} 年` })),
    total: { year: '合计', closed: sum('closed'), resolvedInCases: sum('resolvedInCases'), mediationSubstantive: sum('mediationSubstantive'), substantiveTotal: sum('substantiveTotal'), overallResolutionRate: sum('closed') ? Math.round((sum('resolvedInCases') / sum('closed')) * 10000) / 10000 : null },
  };
}

/** A drill-down list as a table (the cases a figure counts). */
export function caseListTable(o: { label: string; from: string; to: string; total: number; items: Array<Record<string, unknown>> }): StatTable {
  const cols: Column[] = [text('caseNumber', '案号'), text('stateLabel', '办理阶段'), text('township', '接收窗口'), text('respondent', '被申请人'), text('categoryLabel', '案件类别'),
    text('receivedOn', '收件日期'), text('acceptedOn', '受理日期'), text('closedOn', '审结日期'), text('decisionLabel', '决定类型'), text('closeKindLabel', '结案方式')];
  return {
    name: 'cases', title: `${o.label}：案件清单`, subtitle: `${period(o)}；共 ${o.total} 件`, columns: cols,
    rows: o.items.map((i) => Object.fromEntries(cols.map((c) => [c.key, (i[c.key] as Cell) ?? null]))), total: null,
  };
}

/** A clock figure's drill-down (GET /statistics/clocks/cases) as a table. */
export function clockCasesTable(o: { label: string; rule: string; from: string; to: string; total: number; items: Array<Record<string, unknown>> }): StatTable {
  const cols: Column[] = [text('caseNumber', '案号'), text('stateLabel', '办理阶段'), text('start', '起算日'), text('due', '届满日'),
    text('closedOn', '结束日'), count('extensionDays', '延长天数')];
  return {
    name: 'clockCases', title: `${o.label}：期限清单（${o.rule}）`, subtitle: `${period(o)}；共 ${o.total} 件`, columns: cols,
    rows: o.items.map((i) => Object.fromEntries(cols.map((c) => [c.key, (i[c.key] as Cell) ?? null]))), total: null,
  };
}

/** A head figure's drill-down (GET /statistics/heads/items) as a table: lawsuits or hearings. */
export function headItemsTable(o: { label: string; from: string; to: string; total: number; items: Array<Record<string, unknown>> }): StatTable {
  const court = o.items.length > 0 && 'courtCaseNumber' in o.items[0];
  const cols: Column[] = court
    ? [text('courtCaseNumber', '法院案号'), text('court', '法院'), text('caseNumber', '复议案号'), text('filedOn', '立案日期'), text('originLabel', '来源'), text('headLabel', '负责人出庭')]
    : [text('caseNumber', '复议案号'), text('kindLabel', '形式'), text('heldOn', '日期'), text('headLabel', '负责人参加')];
  const rows = o.items.map((i) => ({
    ...i, originLabel: i.origin === 'direct' ? '直接起诉' : '复议后起诉', kindLabel: i.kind === 'formal' ? '听证' : '听取意见',
    headLabel: (i.headAppeared ?? i.headAttended) ? '是' : '否',
  }));
  return {
    name: 'headItems', title: `${o.label}：清单`, subtitle: `${period(o)}；共 ${o.total} 件`, columns: cols,
    rows: rows.map((i) => Object.fromEntries(cols.map((c) => [c.key, ((i as Record<string, unknown>)[c.key] as Cell) ?? null]))), total: null,
  };
}
