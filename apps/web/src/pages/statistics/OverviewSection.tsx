import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Tooltip, Typography } from 'antd';
import { Chart, type ChartOption } from '../../components/charts/Chart';
import type { CaseFigure, Dimension, Drill, Overview } from './api';

type Catalogue = Record<string, { label: string; definition: string; numerator?: string; denominator?: string }>;

const COUNTS: CaseFigure[] = ['received', 'accepted', 'refused', 'closed', 'pending'];
const RATES: CaseFigure[] = ['directCorrectionRate', 'mediationWithdrawalRate', 'overallResolutionRate', 'settledRate', 'suedAfterRate'];
/** The bars of the dimension chart: the flow of cases. */
const FLOW: CaseFigure[] = ['received', 'accepted', 'closed', 'pending'];

export const percent = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);

/** One figure as a card; the whole card is a button that opens the list it counts. */
function FigureCard({ title, value, detail, definition, testId, onOpen }: { title: string; value: string | number; detail?: string; definition: string; testId: string; onOpen: () => void }) {
  return (
    <Tooltip title={definition}>
      <Card size="small" hoverable style={{ height: '100%' }}>
        <button type="button" className="fuyi-figure-button" onClick={onOpen} data-testid={testId} aria-label={`${title} ${value}${detail ? `（${detail}）` : ''}，查看清单`}>
          <Statistic title={title} value={value} />
          {detail && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{detail}</Typography.Text>}
        </button>
      </Card>
    </Tooltip>
  );
}

/** 收案、受理、审结 and the rates, by period and dimension: cards, a bar chart per row, decision types as a pie. */
export function OverviewSection({ data, by, catalogue, onDrill }: { data: Overview; by: Dimension; catalogue: Catalogue; onDrill: (d: Drill) => void }) {
  const label = (f: string) => catalogue[f]?.label ?? f;
  const drill = (figure: CaseFigure, extra: Partial<Extract<Drill, { kind: 'cases' }>> = {}) =>
    onDrill({ kind: 'cases', title: label(figure), figure, by: 'total', ...extra });
  const total = data.total;
  const decisions = useMemo(
    () => Object.entries(total.counts).filter(([k, v]) => k.startsWith('decision_') && v > 0) as Array<[CaseFigure, number]>,
    [total],
  );
  const rows = useMemo(() => (by === 'total' ? [] : data.rows.filter((r) => FLOW.some((f) => (r.counts[f] ?? 0) > 0))), [data, by]);
  const flowOption = useMemo<ChartOption>(() => {
    const axis = { axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } };
    const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
    if (by === 'total') {
      // No grouping: one bar per figure of the period, each opening its list.
      return {
        tooltip: { trigger: 'item' },
        grid: { ...grid, top: 12 },
        xAxis: { type: 'category', data: COUNTS.map(label), axisLabel: { interval: 0, width: 80, overflow: 'break' } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', barMaxWidth: 36, label: { show: true, position: 'top' }, data: COUNTS.map((f) => total.counts[f] ?? 0) }],
      };
    }
    return {
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'category', data: rows.map((r) => r.label), ...axis },
      yAxis: { type: 'value', minInterval: 1 },
      series: FLOW.map((f) => ({ type: 'bar', barMaxWidth: 48, name: label(f), data: rows.map((r) => r.counts[f] ?? 0) })),
    };
  }, [rows, by, total, catalogue]);
  const pieOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['35%', '50%'], label: { show: false }, data: decisions.map(([k, v]) => ({ name: label(k).replace(/^决定：/, ''), value: v })) }],
    }),
    [decisions, catalogue],
  );
  const rateDetail = (f: CaseFigure) => {
    const c = catalogue[f];
    return c?.numerator && c.denominator ? `${label(c.numerator)} ${total.counts[c.numerator] ?? 0} ÷ ${label(c.denominator)} ${total.counts[c.denominator] ?? 0}` : undefined;
  };
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {COUNTS.map((f) => (
          <Col key={f} xs={12} md={8} lg={4}>
            <FigureCard title={label(f)} value={total.counts[f] ?? 0} definition={catalogue[f]?.definition ?? ''} testId={`figure-${f}`} onOpen={() => drill(f)} />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {RATES.map((f) => (
          <Col key={f} xs={12} md={8} lg={4}>
            <FigureCard
              title={label(f)}
              value={percent(total.rates[f])}
              detail={rateDetail(f)}
              definition={catalogue[f]?.definition ?? ''}
              testId={`figure-${f}`}
              onOpen={() => drill(f, { part: 'numerator', title: label(catalogue[f]?.numerator ?? f) })}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>{by === 'total' ? '收案、受理、审结' : '按分组的收案、受理、审结'}</h3>}>
            {by === 'total' || rows.length ? (
              <Chart
                option={flowOption}
                label={by === 'total' ? COUNTS.map((f) => `${label(f)} ${total.counts[f] ?? 0}`).join('，') : `按分组的${FLOW.map(label).join('、')}`}
                height={280}
                testId="flow-chart"
                onClick={(e) =>
                  by === 'total'
                    ? drill(COUNTS[e.dataIndex]!)
                    : onDrill({ kind: 'cases', title: `${rows[e.dataIndex]!.label}：${label(FLOW[e.seriesIndex]!)}`, figure: FLOW[e.seriesIndex]!, by, key: rows[e.dataIndex]!.key })
                }
              />
            ) : (
              <Empty description="本期间没有案件" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>决定类型</h3>}>
            {decisions.length ? (
              <Chart
                option={pieOption}
                label={decisions.map(([k, v]) => `${label(k)} ${v} 件`).join('，')}
                height={280}
                testId="decision-chart"
                onClick={(e) => drill(decisions[e.dataIndex]![0])}
              />
            ) : (
              <Empty description="本期间没有作出决定的案件" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
