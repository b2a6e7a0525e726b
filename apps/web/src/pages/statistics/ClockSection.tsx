import { useMemo } from 'react';
import { Alert, Card, Col, Row, Skeleton } from 'antd';
import { Chart, type ChartOption } from '../../components/charts/Chart';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FigureTable, type FigureColumn } from './FigureTable';
import { useClockFigures, type ClockFigure, type Drill, type Period } from './api';

const CLOCK_COLUMNS: Array<{ key: ClockFigure; title: string }> = [
  { key: 'closedOnTime', title: '按期办结' },
  { key: 'closedLate', title: '超期办结' },
  { key: 'openOverdue', title: '在办超期' },
  { key: 'openPaused', title: '中止' },
  { key: 'openExtended', title: '已延期' },
  { key: 'openOnTrack', title: '期限内在办' },
  { key: 'waitingOnApplicant', title: '等待申请人' },
];

/** 按期办结 per statutory clock, overdue kept apart from paused, extended and waiting on the applicant. */
export function ClockSection({ period, onDrill }: { period: Period; onDrill: (d: Drill) => void }) {
  const q = useClockFigures(period);
  const rows = useMemo(() => (q.data?.rows ?? []).filter((r) => Object.values(r.counts).some((n) => n > 0)), [q.data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
      series: [{ type: 'bar', name: '按期办结率', barMaxWidth: 16, label: { show: true, position: 'right', formatter: '{c}%' }, data: rows.map((r) => (r.onTimeRate === null ? null : Math.round(r.onTimeRate * 10000) / 100)) }],
    }),
    [rows],
  );
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  if (q.isPending) return <Skeleton active />;
  const columns: FigureColumn[] = [
    ...CLOCK_COLUMNS.map((c) => ({ ...c, kind: 'count' as const, open: (r: { key: string; label: string }) => onDrill({ kind: 'clockCases', title: `${r.label}：${c.title}`, rule: r.key, figure: c.key }) })),
    { key: 'onTimeRate', title: '按期办结率', kind: 'rate' },
  ];
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24}>
        <Alert type="info" showIcon title={`在办期限按今日（${q.data.asOf}）的状态统计；中止、已延期和等待申请人的期限不计为超期。`} style={{ marginBottom: 4 }} />
      </Col>
      <Col xs={24}>
        <FigureTable
          rows={rows.map((r) => ({ key: r.rule, label: r.label, values: { ...r.counts, onTimeRate: r.onTimeRate } }))}
          columns={columns}
          label="各法定期限按期办结情况"
          testId="clock-table"
          first="期限"
        />
      </Col>
      <Col xs={24}>
        <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>按期办结率（无已结期限的不显示）</h3>}>
          <Chart
            option={option}
            height={Math.max(160, rows.length * 34)}
            label={rows.map((r) => `${r.label} 按期办结率 ${r.onTimeRate === null ? '无' : `${(r.onTimeRate * 100).toFixed(2)}%`}`).join('，')}
            onClick={(e) => onDrill({ kind: 'clockCases', title: `${rows[e.dataIndex]!.label}：超期办结`, rule: rows[e.dataIndex]!.rule, figure: 'closedLate' })}
          />
        </Card>
      </Col>
    </Row>
  );
}
