import { useMemo } from 'react';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Chart, type ChartOption } from '../../components/charts/Chart';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FigureTable, type FigureColumn } from './FigureTable';
import { useHeadFigures, useLiaisonStats, type Drill, type HeadFigure, type Period } from './api';

const HEAD_COLUMNS: Array<{ key: HeadFigure; title: string }> = [
  { key: 'courtHeard', title: '开庭审理的应诉案件' },
  { key: 'courtHeadAppeared', title: '负责人出庭应诉' },
  { key: 'hearingsRecorded', title: '听取意见、听证（已记录出席）' },
  { key: 'hearingsHeadAttended', title: '负责人参加' },
];

/** 负责人出庭应诉率 and 负责人参加复议率, by respondent (the district government on its own row). */
export function HeadSection({ period, onDrill }: { period: Period; onDrill: (d: Drill) => void }) {
  const q = useHeadFigures(period);
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  if (q.isPending) return <Skeleton active />;
  const rows = q.data.rows.filter((r) => Object.values(r.counts).some((n) => n > 0));
  const columns: FigureColumn[] = [
    ...HEAD_COLUMNS.map((c) => ({
      ...c,
      kind: 'count' as const,
      open: (r: { key: string; label: string }) => onDrill({ kind: 'headItems', title: `${r.label}：${c.title}`, figure: c.key, ...(r.key === 'total' ? {} : { key: r.key }) }),
    })),
    { key: 'courtAppearanceRate', title: '负责人出庭应诉率', kind: 'rate' },
    { key: 'hearingParticipationRate', title: '负责人参加复议率', kind: 'rate' },
  ];
  const toRow = (r: (typeof q.data.rows)[number], total = false) => ({ key: total ? 'total' : r.key, label: total ? '合计' : r.label, values: { ...r.counts, ...r.rates }, total });
  const heard = rows.filter((r) => (r.counts.courtHeard ?? 0) > 0);
  const option: ChartOption = {
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: heard.map((r) => r.label), axisLabel: { interval: 0, rotate: heard.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['courtHeard', 'courtHeadAppeared'] as const).map((k) => ({ type: 'bar', barMaxWidth: 48, name: HEAD_COLUMNS.find((c) => c.key === k)!.title, data: heard.map((r) => r.counts[k] ?? 0) })),
  };
  return (
    <Row gutter={[12, 12]}>
      {heard.length > 0 && (
        <Col xs={24}>
          <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>负责人出庭应诉（按被告）</h3>}>
            <Chart
              option={option}
              height={240}
              label={heard.map((r) => `${r.label} 开庭 ${r.counts.courtHeard ?? 0} 件，负责人出庭 ${r.counts.courtHeadAppeared ?? 0} 件`).join('；')}
              onClick={(e) => {
                const r = heard[e.dataIndex]!;
                const c = HEAD_COLUMNS[e.seriesIndex]!;
                onDrill({ kind: 'headItems', title: `${r.label}：${c.title}`, figure: c.key, key: r.key });
              }}
            />
          </Card>
        </Col>
      )}
      <Col xs={24}>
        <FigureTable
          rows={[...rows.map((r) => toRow(r)), toRow(q.data.total, true)]}
          columns={columns}
          label="负责人出庭应诉和参加行政复议情况"
          testId="head-table"
          first="被申请人（被告）"
        />
      </Col>
    </Row>
  );
}

const LIAISON_BARS = [
  { key: 'notices', title: '风险提示函' },
  { key: 'opinionLetters', title: '意见书' },
  { key: 'suggestionLetters', title: '建议书' },
  { key: 'lawsuits', title: '应诉案件' },
] as const;
const LIAISON_COLUMNS: FigureColumn[] = [
  ...LIAISON_BARS.map((b) => ({ key: b.key, title: b.title, kind: 'count' as const })),
  { key: 'directLawsuits', title: '其中直接起诉', kind: 'count' },
  { key: 'feedbackOnTime', title: '按期反馈', kind: 'count' },
  { key: 'feedbackLate', title: '逾期反馈', kind: 'count' },
  { key: 'courtHearings', title: '开庭', kind: 'count' },
  { key: 'courtHearingsHeadAppeared', title: '负责人出庭', kind: 'count' },
  { key: 'judgmentsUpholding', title: '判决维持', kind: 'count' },
  { key: 'groupDisputes', title: '群体性争议', kind: 'count' },
  { key: 'suedAfterRate', title: '复议后被诉率', kind: 'rate' },
];

/** A row's figures: its numeric fields (the department's name and id are not figures). */
const numbers = (r: object): Record<string, number | null> =>
  Object.fromEntries(Object.entries(r).filter(([k, v]) => k !== 'departmentId' && (typeof v === 'number' || v === null)));

/** The liaison officers' figures (GET /liaison/stats): risk notices, letters and their feedback, lawsuits, by department. */
export function LiaisonSection({ period }: { period: Period }) {
  const q = useLiaisonStats(period);
  const departments = useMemo(() => (q.data?.departments ?? []).filter((d) => LIAISON_BARS.some((b) => d[b.key] > 0)), [q.data]);
  const option = useMemo<ChartOption>(
    () => ({
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: departments.map((d) => d.department), axisLabel: { interval: 0, rotate: departments.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: LIAISON_BARS.map((b) => ({ type: 'bar', barMaxWidth: 48, name: b.title, data: departments.map((d) => d[b.key]) })),
    }),
    [departments],
  );
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  if (q.isPending) return <Skeleton active />;
  const t = q.data.total;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24}>
        <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>府院联动：按部门</h3>}>
          {departments.length ? (
            <Chart option={option} height={260} label={LIAISON_BARS.map((b) => `${b.title} 合计 ${t[b.key]}`).join('，')} />
          ) : (
            <Empty description="本期间没有风险提示、意见书或应诉案件" />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            复议后被诉率在此为流量口径（期间内被诉 ÷ 期间内审结），与上方“复议后被诉率”（同批审结案件）口径不同。负责人出庭的案件清单见“负责人出庭和参加复议”。
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24}>
        <FigureTable
          rows={[
            ...q.data.departments.map((d) => ({ key: String(d.departmentId ?? 'government'), label: d.department, values: numbers(d) })),
            { key: 'total', label: '合计', values: numbers(t), total: true },
          ]}
          columns={LIAISON_COLUMNS}
          label="府院联动统计"
          testId="liaison-table"
          first="部门"
        />
      </Col>
    </Row>
  );
}

/** The two court-related tabs, one component so the page imports one module. */
export function CourtSection({ kind, period, onDrill }: { kind: 'heads' | 'liaison'; period: Period; onDrill: (d: Drill) => void }) {
  return kind === 'heads' ? <HeadSection period={period} onDrill={onDrill} /> : <LiaisonSection period={period} />;
}
